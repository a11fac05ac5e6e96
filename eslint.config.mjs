import { config } from '@n8n/node-cli/eslint';

export default [
	...config,
	{ ignores: ['dist/**', 'node_modules/**', '.cache/**', '.n8n-local/**', 'coverage/**', '.build/**', '**/*.js', '**/*.mjs'] },
	{
		// The n8n-free core never sees NodeApiError/NodeOperationError: it throws its own typed
		// errors, which the node layer maps in one place (nodes/shared/errors.ts).
		files: ['src/**/*.ts'],
		rules: { '@n8n/community-nodes/require-node-api-error': 'off' },
	},
	{
		// Tests, tools and scripts run outside n8n: they may use dev dependencies, timers and process.
		files: ['test/**/*.ts', 'tools/**/*.ts', 'scripts/**/*.ts', 'sandbox/**/*.ts', 'bench/**/*.ts'],
		rules: {
			'@n8n/community-nodes/no-restricted-imports': 'off',
			'@n8n/community-nodes/no-restricted-globals': 'off',
			'@n8n/community-nodes/require-node-api-error': 'off',
			'@n8n/community-nodes/no-dead-files': 'off',
			'no-console': 'off',
		},
	},
];
