/** Core unit tests import src/ through ts-jest; node tests load the built dist/ in the real n8n engine. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	// The end-to-end suite runs against a real n8n install: npm run test:e2e (jest.e2e.config.js).
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
	reporters: ['default', '<rootDir>/test/support/summaryReporter.js'],
	testTimeout: 30000,
};
