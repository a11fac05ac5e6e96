// Shipium: carrier-filed EEI rules and filling, ITN hand-off, label client.
export * from './carrierEei';
export * from './fillEei';
export { withAesItn } from './itnHandOff';
export * from './labelClient';
export * from './labelOutcome';
