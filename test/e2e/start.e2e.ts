/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
/**
 * `npm start` (scripts/start.js) end to end, on free ports and a throw-away user folder: n8n
 * 2.40.7 serves the editor on loopback, the demo owner can log in, n8n loads every node and
 * credential of the package (no "Unrecognized node type"), the example workflows are imported
 * and the webhook and trigger ones published, the ERP webhook files through the sandbox, and
 * SIGINT (Ctrl-C) stops n8n and the sandbox.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { networkInterfaces } from 'node:os';
import path from 'node:path';

import * as n8nLocal from '../../scripts/n8n-local/n8nLocal';
import { credentialDescriptions, nodeDescriptions } from '../../scripts/n8n-local/packageFiles';
import { DEMO_OWNER, login, spawnStartScript } from '../../scripts/n8n-local/server';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** `n8n-nodes-us-customs.fileEei`... for each node the package.json n8n field names. */
function nodeTypeNames(): string[] {
	return nodeDescriptions().map(({ name }) => `${n8nLocal.PACKAGE_NAME}.${name}`);
}

function credentialTypeNames(): string[] {
	return credentialDescriptions().map(({ name }) => name);
}

/** Whether a TCP connection to host:port is accepted (raw socket: no HTTP client, no nock). */
function tcpConnects(host: string, port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = createConnection({ host, port, timeout: 2000 });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
		socket.once('timeout', () => {
			socket.destroy();
			resolve(false);
		});
	});
}

describe('npm start: a real n8n with the package, the sandbox and the examples', () => {
	let child: ChildProcess;
	let output: () => string;
	let userFolder: string;
	let n8nPort: number;
	let sandboxPort: number;
	let url: string;
	let cookie: string;
	let exit: Promise<number | null>;

	beforeAll(async () => {
		if (!n8nLocal.isInstalled()) n8nLocal.install();
		userFolder = n8nLocal.createUserFolder('n8n-us-customs-start-');
		n8nPort = await n8nLocal.freePort();
		sandboxPort = await n8nLocal.freePort();
		const started = spawnStartScript({
			N8N_PORT: String(n8nPort),
			SANDBOX_PORT: String(sandboxPort),
			SANDBOX_SMTP_PORT: String(await n8nLocal.freePort()),
			START_USER_FOLDER: userFolder,
			START_SKIP_BUILD: process.env.E2E_SKIP_BUILD === '1' ? '1' : '0',
		});
		({ child, exit, output } = started);
		await started.ready;
		url = `http://localhost:${n8nPort}`;
		cookie = await login(url);
	});

	afterAll(async () => {
		if (child && child.exitCode === null) {
			child.kill('SIGINT');
			await exit;
		}
		if (userFolder && process.env.E2E_KEEP_USER_FOLDER !== '1') rmSync(userFolder, { recursive: true, force: true });
	});

	const rest = async (route: string): Promise<Json> => {
		const response = await fetch(`${url}${route}`, { headers: { cookie } });
		expect(response.status).toBe(200);
		return (await response.json()) as Json;
	};

	it('reports each slow step and prints the editor URL, the login and what to click', () => {
		for (const step of ['(1/6)', '(2/6)', '(3/6)', '(4/6)', '(5/6)', '(6/6)']) expect(output()).toContain(step);
		expect(output()).toContain(`n8n is running:   ${url}`);
		expect(output()).toContain(`${DEMO_OWNER.email} / ${DEMO_OWNER.password}`);
		expect(output()).toContain('click "Execute workflow"');
	});

	it('serves the editor and answers the health check', async () => {
		expect((await fetch(`${url}/`)).status).toBe(200);
		expect(await (await fetch(`${url}/healthz/readiness`)).json()).toEqual({ status: 'ok' });
	});

	it('listens on loopback only: n8n and the sandbox refuse connections on the machine\'s other addresses', async () => {
		const others = Object.values(networkInterfaces())
			.flat()
			.filter((address) => address !== undefined && address.family === 'IPv4' && !address.internal)
			.map((address) => address!.address);
		for (const host of others) expect([host, await tcpConnects(host, n8nPort), await tcpConnects(host, sandboxPort)]).toEqual([host, false, false]);
		expect([await tcpConnects('127.0.0.1', n8nPort), await tcpConnects('127.0.0.1', sandboxPort)]).toEqual([true, true]);
	});

	it('logs no "Unrecognized node type"', () => {
		expect(`${output()}\n${readFileSync(path.join(userFolder, 'n8n.log'), 'utf8')}`).not.toMatch(/Unrecognized (node|credential) type/i);
	});

	it('loads every node the package.json n8n field names', async () => {
		const loaded = new Set((await rest('/types/nodes.json')).map((node: Json) => node.name as string));
		expect(nodeTypeNames().filter((name) => !loaded.has(name))).toEqual([]);
		expect(nodeTypeNames()).toHaveLength(5);
	});

	it('loads every credential the package.json n8n field names', async () => {
		const loaded = new Set((await rest('/types/credentials.json')).map((credential: Json) => credential.name as string));
		expect(credentialTypeNames().filter((name) => !loaded.has(name))).toEqual([]);
		expect(credentialTypeNames().sort()).toEqual(['easyPostApi', 'flexportApi', 'shipiumApi']);
	});

	it('imports the sandbox credentials and the three examples; the webhook and trigger ones are published', async () => {
		const credentials = (await rest('/rest/credentials')).data.map((c: Json) => `${c.id} ${c.type}`).sort();
		expect(credentials).toEqual([
			'sbxEasyPost000001 easyPostApi',
			'sbxFlexportCli01 flexportApi',
			'sbxFlexportKey01 flexportApi',
			'sbxShipium000001 shipiumApi',
			'sbxSmtpSink00001 smtp',
		]);
		const workflows = (await rest('/rest/workflows')).data.map((w: Json) => [w.id, w.active]).sort();
		expect(workflows).toEqual([
			['exOrderToFiling01', true],
			['exReleaseAlerts01', true],
			['exVoidFiling00001', false],
		]);
	});

	it('files an order posted to the ERP webhook and alerts the Slack sink of the sandbox', async () => {
		const example = JSON.parse(readFileSync(path.join(n8nLocal.ROOT, 'examples', 'order-to-filing.json'), 'utf8')) as Json;
		const sample = JSON.parse(example.nodes.find((node: Json) => node.name === 'Sample ERP request').parameters.jsonOutput) as Json;
		const order = { ...sample.body.orders[0], orderId: 'WEBHOOK-1' };
		const response = await fetch(`${url}/webhook/eei-order`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ orders: [order] }),
		});
		expect(response.status).toBe(200);
		const sink = `http://127.0.0.1:${sandboxPort}/sink`;
		let texts: string[] = [];
		for (let i = 0; i < 40 && texts.length === 0; i++) {
			await new Promise((resolve) => setTimeout(resolve, 250));
			texts = ((await (await fetch(sink)).json()) as Json).slack.map((message: Json) => message.body.text as string);
		}
		expect(texts).toHaveLength(1);
		expect(texts[0]).toMatch(/^EEI filed for WEBHOOK-1: AES X\d{14} \(transaction \w+, test environment\)\.$/);
	});

	it('stops n8n and the sandbox on Ctrl-C (SIGINT) and exits 0', async () => {
		child.kill('SIGINT');
		expect(await exit).toBe(0);
		expect(output()).toContain('stopped.');
		expect([await tcpConnects('127.0.0.1', n8nPort), await tcpConnects('127.0.0.1', sandboxPort)]).toEqual([false, false]);
	});
});
