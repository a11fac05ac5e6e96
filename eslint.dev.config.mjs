// Lint for what is not shipped (test, bench, sandbox, scripts, tools): n8n's own rules for the
// package, except those about code running inside n8n (Cloud's restricted globals and imports,
// n8n error classes, console): this code runs in Node and jest. The package itself is linted by
// n8n's default config (eslint.config.mjs, unchanged: `n8n-node lint` strict mode checks that).
import { config } from '@n8n/node-cli/eslint';

export default [
	...config,
	{ ignores: ['dist/**', 'node_modules/**', '.cache/**', '.n8n-local/**', 'coverage/**', '.build/**', '**/*.js', '**/*.mjs'] },
	{
		files: ['test/**/*.ts', 'bench/**/*.ts', 'sandbox/**/*.ts', 'scripts/**/*.ts', 'tools/**/*.ts'],
		linterOptions: { reportUnusedDisableDirectives: 'off' },
		rules: {
			'@n8n/community-nodes/no-restricted-globals': 'off',
			'@n8n/community-nodes/no-restricted-imports': 'off',
			'@n8n/community-nodes/require-node-api-error': 'off',
			'@n8n/community-nodes/no-dead-files': 'off',
			'no-console': 'off',
		},
	},
];
