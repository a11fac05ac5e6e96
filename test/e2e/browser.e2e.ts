/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node (tests and tools, not shipped), never inside n8n; linted by eslint.dev.config.mjs */
/**
 * A newcomer's first hour, in a real browser: `npm start` (free ports, a throw-away user folder),
 * then Debian's Chromium driven by playwright-core does what the README says: sign in, open each
 * example from Overview, run it with the README's clicks, read the outputs the editor shows, open
 * a node of this package, and find the alerts in the sandbox's sink. A screenshot of every step
 * goes to .n8n-local/browser-e2e/ (E2E_SCREENSHOT_DIR); `npm run screenshots` also writes the
 * README's pictures into docs/images/ (E2E_DOCS_IMAGES=1).
 */
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

import type { Browser, Page } from 'playwright-core';

import * as n8nLocal from '../../scripts/n8n-local/n8nLocal';
import { DEMO_OWNER, spawnStartScript } from '../../scripts/n8n-local/server';
import {
	canvasNode,
	chooseTrigger,
	closeNode,
	edgeLabels,
	executeButton,
	executeWorkflow,
	launchChromium,
	openFromOverview,
	openNode,
	signIn,
	Steps,
} from './browser';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ORDER_TO_FILING = 'US customs: order to EEI filing';
const RELEASE_ALERTS = 'US customs: release alerts (Flexport)';
const VOID_FILING = 'US customs: void an EEI filing';
const SUCCESS = 'Workflow executed successfully';

/** Whether nothing listens on 127.0.0.1:port. */
function portFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

describe('in the browser: the README\'s first steps on a fresh npm start', () => {
	let child: ChildProcess;
	let exit: Promise<number | null>;
	let userFolder: string;
	let url: string;
	let sinkUrl: string;
	let browser: Browser;
	let page: Page;
	const steps = new Steps(
		process.env.E2E_SCREENSHOT_DIR || path.join(n8nLocal.ROOT, '.n8n-local', 'browser-e2e'),
		process.env.E2E_DOCS_IMAGES === '1' ? path.join(n8nLocal.ROOT, 'docs', 'images') : undefined,
	);

	const sink = async (): Promise<{ slack: string[]; email: Json[] }> => {
		const body = (await (await fetch(sinkUrl)).json()) as Json;
		return { slack: body.slack.map((message: Json) => message.body.text as string), email: body.email.map((message: Json) => message.body as Json) };
	};

	beforeAll(async () => {
		if (!n8nLocal.isInstalled()) n8nLocal.install();
		userFolder = n8nLocal.createUserFolder('n8n-us-customs-browser-');
		const n8nPort = await n8nLocal.freePort();
		// The README's pictures show the sandbox URL: take npm start's own ports for them when free.
		const docsPorts = process.env.E2E_DOCS_IMAGES === '1' && (await portFree(4010)) && (await portFree(2525));
		const sandboxPort = docsPorts ? 4010 : await n8nLocal.freePort();
		const started = spawnStartScript({
			N8N_PORT: String(n8nPort),
			SANDBOX_PORT: String(sandboxPort),
			SANDBOX_SMTP_PORT: String(docsPorts ? 2525 : await n8nLocal.freePort()),
			START_USER_FOLDER: userFolder,
			START_SKIP_BUILD: process.env.E2E_SKIP_BUILD === '1' ? '1' : '0',
		});
		({ child, exit } = started);
		await started.ready;
		url = `http://localhost:${n8nPort}`;
		sinkUrl = `http://127.0.0.1:${sandboxPort}/sink`;
		browser = await launchChromium();
		page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	});

	afterAll(async () => {
		await browser?.close();
		if (child && child.exitCode === null) {
			child.kill('SIGINT');
			await exit;
		}
		if (userFolder && process.env.E2E_KEEP_USER_FOLDER !== '1') rmSync(userFolder, { recursive: true, force: true });
	});

	it('signs in as the demo owner the README names and lists the three examples in Overview', async () => {
		await signIn(page, url, DEMO_OWNER.email, DEMO_OWNER.password);
		for (const name of [ORDER_TO_FILING, RELEASE_ALERTS, VOID_FILING]) await page.getByText(name, { exact: true }).first().waitFor();
		await steps.shot(page, 'overview');
		expect(page.url()).toMatch(/\/home\/workflows$/);
	});

	describe('example 1: order to EEI filing', () => {
		let slackBefore: string[];

		beforeAll(async () => {
			slackBefore = (await sink()).slack;
		});

		it('opens with the button set to the ERP/TMS Webhook, as the README warns', async () => {
			await openFromOverview(page, url, ORDER_TO_FILING);
			await steps.shot(page, 'order-to-filing-opened');
			expect(await executeButton(page).innerText()).toMatch(/Execute workflow\s+from ERP\/TMS Webhook/);
		});

		it('runs the three sample orders after choosing the Manual Trigger in the button\'s menu and clicking Execute workflow', async () => {
			await chooseTrigger(page, 'Manual Trigger (test twin)');
			expect(await executeButton(page).innerText()).toMatch(/from Manual Trigger/);
			expect(await executeWorkflow(page)).toBe(SUCCESS);
			await steps.shot(page, 'order-to-filing-after-run', 'order-to-filing.png');
			// Orders 3 → Check EEI Requirement 3 → 2 to File EEI, 1 to the legend; one accepted, one rejected.
			expect(await edgeLabels(page)).toEqual(expect.arrayContaining(['3 items', '2 items', '1 item']));
			// The last nodes show their item count beside their output (the others on their connections).
			for (const node of ['Alert: EEI filed', 'Alert: filing not accepted', 'Attach NOEEI legend']) {
				expect([node, await canvasNode(page, node).innerText()]).toEqual([node, expect.stringContaining('1 item')]);
			}
		});

		it('shows the Check EEI Requirement output: EEI required for SO-1001 over $2,500 (15 CFR 30.37(a)), NOEEI 30.37(a) for SO-1002', async () => {
			const ndv = await openNode(page, 'Check EEI Requirement');
			const out = ndv.getByTestId('output-panel');
			await out.getByTestId('radio-button-table').click();
			const eeiHeader = out.locator('th', { hasText: /^eei$/ });
			await eeiHeader.scrollIntoViewIfNeeded();
			await steps.shot(page, 'check-eei-requirement-output', 'check-eei-requirement-output.png');
			expect(await out.getByTestId('ndv-items-count').innerText()).toMatch(/3 items/);
			const table = await out.locator('table').innerText();
			expect(table).toMatch(/required\s*:\s*true/);
			expect(table).toContain('VALUE_OVER_THRESHOLD');
			expect(table).toContain('15 CFR 30.37(a)');
			expect(table).toContain('NOEEI 30.37(a)');
		});

		it('renders the parameters of this package\'s Check EEI Requirement node', async () => {
			const params = page.getByTestId('ndv').getByTestId('node-parameters');
			const text = await params.innerText();
			await steps.shot(page, 'check-eei-requirement-parameters');
			for (const label of ['Shipment Source', 'Shipment (JSON)', 'Input Format', 'Group Items Into Shipments', 'Facts Missing From the Input', 'Output Field']) {
				expect([label, text.includes(label)]).toEqual([label, true]);
			}
			await closeNode(page);
		});

		it('renders the parameters of this package\'s File EEI node as the example sets them', async () => {
			const ndv = await openNode(page, 'File EEI (test environment)');
			const text = await ndv.getByTestId('node-parameters').innerText();
			await steps.shot(page, 'file-eei-parameters');
			for (const label of ['Filing Method', 'Credential', 'Environment', 'Transaction Type', 'Filing Data', 'Shipment (JSON)', 'Port of Export', 'Carrier Code', 'USPPI Tax ID (EIN)']) {
				expect([label, text.includes(label)]).toEqual([label, true]);
			}
			// The expressions resolve against the run's SO-1001: port 3901 (Chicago), carrier LH.
			expect(text).toMatch(/\{\{ \$json\.filing\.portOfExport \}\}\s*3901/);
			expect(text).toMatch(/\{\{ \$json\.filing\.carrier \}\}\s*LH/);
			// Selects show their value in an input: the sandbox credential and the example's choices.
			const values = await ndv.locator('input').evaluateAll((inputs) => inputs.map((input) => (input as unknown as { value: string }).value));
			expect(values).toEqual(expect.arrayContaining(['EasyPost AES', 'EasyPost (sandbox)', 'Test', 'Add', 'Build From Canonical Shipment']));
			await closeNode(page);
		});

		it('posts the two Slack alerts the README promises to the sandbox sink', async () => {
			const { slack } = await sink();
			const fresh = slack.slice(slackBefore.length).filter((text) => text.startsWith('EEI fil'));
			expect(fresh).toHaveLength(2);
			expect(fresh.find((text) => text.startsWith('EEI filed for SO-1001: AES X'))).toBeDefined();
			// Port 9999 is not in Schedule D: refused before sending (README, step 5).
			expect(fresh.find((text) => text.startsWith('EEI filing for SO-1003 was NOT accepted'))).toMatch(/"9999" is not in the Schedule D ports of export/);
			await page.goto(sinkUrl);
			await steps.shot(page, 'sink-after-order-to-filing');
		});

		it('files nothing twice: a second click is refused by AES as a duplicate, and the alert says so', async () => {
			const before = (await sink()).slack.length;
			await openFromOverview(page, url, ORDER_TO_FILING);
			// The editor forgets the chosen trigger when the workflow is opened again.
			await chooseTrigger(page, 'Manual Trigger (test twin)');
			expect(await executeWorkflow(page)).toBe(SUCCESS);
			await steps.shot(page, 'order-to-filing-second-run');
			const fresh = (await sink()).slack.slice(before).filter((text) => text.startsWith('EEI fil'));
			expect(fresh.find((text) => text.startsWith('EEI filing for SO-1001 was NOT accepted (duplicate)'))).toBeDefined();
			expect(await canvasNode(page, 'Alert: filing not accepted').innerText()).toContain('2 items');
		});
	});

	describe('example 3: void an EEI filing', () => {
		it('voids SO-1001\'s filing with one click on Execute workflow', async () => {
			await openFromOverview(page, url, VOID_FILING);
			expect(await executeButton(page).innerText()).toMatch(/^Execute workflow\s*$/);
			expect(await executeWorkflow(page)).toBe(SUCCESS);
			await steps.shot(page, 'void-filing-after-run', 'void-filing.png');
			expect(await canvasNode(page, 'Record void').innerText()).toContain('1 item');
			const ndv = await openNode(page, 'Record void');
			try {
				// The panel shows its item count before the data: wait for the data itself.
				const status = ndv.getByTestId('output-panel').getByText('accepted', { exact: true }).first();
				await status.waitFor();
				expect(await status.innerText()).toBe('accepted');
			} finally {
				await closeNode(page);
			}
		});

		it('alerts Slack when a second click asks AES to void the voided filing', async () => {
			const before = (await sink()).slack.length;
			expect(await executeWorkflow(page)).toBe(SUCCESS);
			await steps.shot(page, 'void-filing-second-run');
			const fresh = (await sink()).slack.slice(before).filter((text) => text.startsWith('Void of EEI'));
			expect(fresh).toHaveLength(1);
			expect(fresh[0]).toMatch(/was NOT accepted: .*was voided/);
		});
	});

	describe('example 2: release alerts', () => {
		it('sends a Slack message per released entry and an email per held entry of the trigger\'s sample with one click', async () => {
			await openFromOverview(page, url, RELEASE_ALERTS);
			expect(await executeButton(page).innerText()).toMatch(/from Customs Entry Trigger/);
			const before = await sink();
			expect(await executeWorkflow(page)).toBe(SUCCESS);
			await steps.shot(page, 'release-alerts-after-run', 'release-alerts.png');
			const count = async (node: string) => Number(/(\d+) items?/.exec(await canvasNode(page, node).innerText())?.[1] ?? 0);
			const [slackItems, emailItems] = [await count('Slack: entry released'), await count('Email: entry on hold')];
			expect(slackItems + emailItems).toBeGreaterThan(0);
			const after = await sink();
			// The published trigger may also alert in the background: the click's messages are among the new ones.
			expect(after.slack.length - before.slack.length).toBeGreaterThanOrEqual(slackItems);
			const mails = after.email.slice(before.email.length);
			expect(mails.length).toBeGreaterThanOrEqual(emailItems);
			for (const mail of mails) {
				expect(mail).toEqual({ from: 'customs-alerts@example.com', to: 'customs-team@example.com', subject: expect.stringMatching(/^Customs hold: entry /), text: expect.stringContaining('on hold') });
			}
			await page.goto(sinkUrl);
			await steps.shot(page, 'sink-after-release-alerts');
		});
	});
});
