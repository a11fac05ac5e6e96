'use strict';
/**
 * What this package ships, for the e2e tests: the files in the tarball `npm pack` makes, and the
 * node and credential descriptions of the built files the package.json `n8n` field names.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const ENV = { ...process.env, PATH: `${path.join(ROOT, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH || ''}` };

/** The paths in the tarball of `npm pack` (without the `package/` prefix); builds first unless build is false. */
function packedFiles({ build = true } = {}) {
	if (build) execFileSync('npm', ['run', 'build'], { cwd: ROOT, env: ENV, stdio: 'pipe' });
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-us-customs-pack-'));
	try {
		const tarball = execFileSync('npm', ['pack', '--pack-destination', folder, '--silent'], { cwd: ROOT, env: ENV, encoding: 'utf8' }).trim().split('\n').pop();
		const listing = execFileSync('tar', ['-tzf', path.join(folder, tarball)], { encoding: 'utf8' });
		return listing.split('\n').filter(Boolean).map((entry) => entry.replace(/^package\//, ''));
	} finally {
		fs.rmSync(folder, { recursive: true, force: true });
	}
}

function firstExport(file) {
	const exported = require(path.join(ROOT, file));
	const Class = Object.values(exported)[0];
	return new Class();
}

/** [{ file, name, icon }] of each node the n8n field names (name as in the description, e.g. fileEei). */
function nodeDescriptions() {
	const { n8n } = require(path.join(ROOT, 'package.json'));
	return n8n.nodes.map((file) => {
		const { description } = firstExport(file);
		return { file, name: description.name, icon: description.icon };
	});
}

/** [{ file, name, icon }] of each credential the n8n field names. */
function credentialDescriptions() {
	const { n8n } = require(path.join(ROOT, 'package.json'));
	return n8n.credentials.map((file) => {
		const credential = firstExport(file);
		return { file, name: credential.name, icon: credential.icon };
	});
}

module.exports = { packedFiles, nodeDescriptions, credentialDescriptions };
