/**
 * End-to-end tests in the real n8n 2.40.7 (scripts/n8n-local): the packed package installed as a
 * community package, workflows run headless with `n8n execute`. Slow (n8n boots per command),
 * so kept out of `npm test` by the `.e2e.ts` suffix; the files run one at a time (--runInBand).
 * globalSetup installs n8n when the cache lacks it and builds once for every file.
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
	globalSetup: '<rootDir>/test/e2e/globalSetup.js',
	maxWorkers: 1,
	// The first run installs n8n (~6 min); each n8n command then takes seconds.
	testTimeout: 15 * 60 * 1000,
};
