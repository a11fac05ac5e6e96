'use strict';
/**
 * Once per e2e run: the pinned n8n in the cache (installed the first time, ~7 min; CI starts
 * fresh) and one `npm run build`, after which every test file packs that dist/
 * (E2E_SKIP_BUILD=1 is passed on to the tests, which run in this process: --runInBand).
 */
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const n8nLocal = require('../../scripts/n8n-local/n8nLocal');

module.exports = async function globalSetup() {
	const started = Date.now();
	if (!n8nLocal.isInstalled()) {
		console.log(`\ne2e: installing n8n ${n8nLocal.N8N_VERSION} into ${n8nLocal.CACHE_DIR} (first run only, ~7 min)`);
		n8nLocal.install();
	}
	if (process.env.E2E_SKIP_BUILD !== '1') {
		const env = { ...process.env, PATH: `${path.join(n8nLocal.ROOT, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}` };
		execFileSync('npm', ['run', 'build'], { cwd: n8nLocal.ROOT, env, stdio: 'pipe' });
		process.env.E2E_SKIP_BUILD = '1';
	}
	console.log(`e2e: n8n ready and package built in ${Math.round((Date.now() - started) / 1000)} s`);
};
