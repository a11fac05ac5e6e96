/**
 * The example workflows (examples/*.json), imported as users import them, executed headless in
 * the real n8n 2.40.7 against the provider sandbox, with the output of every node asserted:
 * order to filing (filed, NOEEI legend, rejected by AES, then refused as a duplicate on a
 * re-run), void (accepted, then refused), release alerts through the Manual Trigger twin
 * (a polling trigger cannot run under `n8n execute`; scripts/n8n-local README), and a Flexport
 * 500 during Get Many (retried once, and failing the run when it persists).
 */
import { rmSync } from 'node:fs';

import { startSandbox, type Sandbox } from '../../sandbox';
import * as examples from '../../scripts/n8n-local/examples';
import * as n8nLocal from '../../scripts/n8n-local/n8nLocal';
import { credentialsFor } from './support';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Execution = Awaited<ReturnType<typeof n8nLocal.executeWorkflow>>;

/** A fixed sandbox clock: ITN dates and Flexport release statuses do not depend on when the test runs. */
const NOW = Date.parse('2026-11-23T15:00:00.000Z');
const ORDER_TO_FILING = 'exOrderToFiling01';
const RELEASE_ALERTS = 'exReleaseAlerts01';
const VOID_FILING = 'exVoidFiling00001';
/** The transaction number File EEI derives for SO-1001 (seed = order number, same data, same number). */
const SO1001_TRANSACTION = 'SOEBS23TYEN467299';

/** Output items of a node (output 0 unless given), as JSON. */
function out(execution: Execution, node: string, output = 0): Json[] {
	const items = n8nLocal.nodeOutput(execution.run, node, output);
	if (items === undefined) throw new Error(`node "${node}" did not run: ${execution.error?.message ?? ''}\n${execution.stdout.slice(-2000)}`);
	return items as Json[];
}

function ranNodes(execution: Execution): string[] {
	return Object.keys(execution.run?.data.resultData.runData ?? {}).sort();
}

function slackTexts(sandbox: Sandbox, from = 0): string[] {
	return sandbox.state.sink.slack.slice(from).map((message) => (message.body as Json).text as string);
}

describe('real n8n 2.40.7: the example workflows against the sandbox', () => {
	let sandbox: Sandbox;
	let userFolder: string;

	beforeAll(async () => {
		if (!n8nLocal.isInstalled()) n8nLocal.install();
		sandbox = await startSandbox({ seed: 11, clock: () => NOW });
		userFolder = n8nLocal.createUserFolder();
		n8nLocal.packAndInstall(userFolder, { build: process.env.E2E_SKIP_BUILD !== '1' });
		await n8nLocal.importCredentials(userFolder, credentialsFor(sandbox));
		const workflows = examples.readExamples().map(({ workflow }) => examples.pointAtSandbox(workflow, sandbox.url));
		await examples.importWorkflows(userFolder, workflows);
	});

	afterAll(async () => {
		await sandbox?.close();
		if (userFolder && process.env.E2E_KEEP_USER_FOLDER !== '1') rmSync(userFolder, { recursive: true, force: true });
	});

	it('ships three example workflows, each with a Manual Trigger before any polling trigger (n8n execute starts at the first trigger)', () => {
		const found = examples.readExamples().map(({ file, workflow }) => [file, workflow.id]);
		expect(found).toEqual([
			['order-to-filing.json', ORDER_TO_FILING],
			['release-alerts.json', RELEASE_ALERTS],
			['void-filing.json', VOID_FILING],
		]);
		for (const { workflow } of examples.readExamples()) {
			const firstTrigger = workflow.nodes.find((node) => /manualTrigger|customsEntryTrigger/.test(node.type));
			expect([workflow.id, firstTrigger?.type]).toEqual([workflow.id, 'n8n-nodes-base.manualTrigger']);
		}
	});

	describe('order to filing: three sample orders', () => {
		let run: Execution;
		let slackBefore: number;

		beforeAll(async () => {
			slackBefore = sandbox.state.sink.slack.length;
			run = await n8nLocal.executeWorkflow(userFolder, ORDER_TO_FILING);
		});

		it('runs without an execution error and runs every node but the webhook', () => {
			expect([run.ok, run.error?.message]).toEqual([true, undefined]);
			expect(ranNodes(run)).toEqual(
				[
					'Alert: EEI filed',
					'Alert: filing not accepted',
					'Attach NOEEI legend',
					'Check EEI Requirement',
					'EEI required?',
					'File EEI (test environment)',
					'Filing accepted?',
					'Manual Trigger (test twin)',
					'Orders',
					'Record ITN',
					'Sample ERP request',
				].sort(),
			);
		});

		it('splits the sample ERP request into one item per order', () => {
			expect(out(run, 'Manual Trigger (test twin)')).toEqual([{}]);
			expect(out(run, 'Sample ERP request')[0].body.orders).toHaveLength(3);
			expect(out(run, 'Orders').map((order) => order.orderId)).toEqual(['SO-1001', 'SO-1002', 'SO-1003']);
		});

		it('requires EEI for $3,400 of laptops to Germany and $12,000 of gear boxes to Mexico, not for $1,000 of T-shirts to Japan (15 CFR 30.37(a))', () => {
			const checked = out(run, 'Check EEI Requirement');
			expect(checked.map((item) => [item.orderId, item.eei.required, item.eei.legend])).toEqual([
				['SO-1001', true, null],
				['SO-1002', false, 'NOEEI 30.37(a)'],
				['SO-1003', true, null],
			]);
			expect(checked[0].eei.reasons.map((reason: Json) => reason.citation)).toContain('15 CFR 30.37(a)');
			expect(checked[0].eei.filingDeadline).toMatchObject({ citation: '15 CFR 30.4(b)(2)(ii)', fileBy: '2026-11-23T16:00:00.000Z' });
		});

		it('sends the orders that need EEI to File EEI and the others to the legend', () => {
			expect(out(run, 'EEI required?', 0).map((item) => item.orderId)).toEqual(['SO-1001', 'SO-1003']);
			expect(out(run, 'EEI required?', 1).map((item) => item.orderId)).toEqual(['SO-1002']);
		});

		it('files SO-1001 in the AES test environment and gets the ITN the sandbox issued', () => {
			const [filed] = out(run, 'File EEI (test environment)');
			const itn = sandbox.state.aes.filings[SO1001_TRANSACTION]?.itn;
			expect(itn).toMatch(/^X20261123\d{6}$/);
			expect(filed.aes).toMatchObject({
				status: 'accepted',
				itn,
				proofOfFilingCitation: `AES ${itn}`,
				transactionNumber: SO1001_TRANSACTION,
				transactionType: 'add',
				environment: 'test',
			});
			expect(filed.aes.delivery.International).toMatchObject({ EeiTransactionNumber: SO1001_TRANSACTION, PortOfExportCode: '3901' });
		});

		it('refuses SO-1003 before sending (port 9999 is not in the Schedule D table), so AES never sees it and nothing is left pending', () => {
			const refused = out(run, 'File EEI (test environment)')[1];
			expect(refused.aes).toMatchObject({ status: 'notFiled', code: 'INVALID_REQUEST', itn: null, nextStep: expect.stringMatching(/^Nothing was sent to AES/) });
			expect(refused.error).toMatch(/PortOfExportCode: "9999" is not in the Schedule D ports of export/);
			expect(Object.keys(sandbox.state.aes.received)).toEqual([SO1001_TRANSACTION]);
		});

		it('records the ITN of SO-1001 as its proof of filing', () => {
			const itn = sandbox.state.aes.filings[SO1001_TRANSACTION].itn;
			expect(out(run, 'Filing accepted?', 0).map((item) => item.aes.transactionNumber)).toEqual([SO1001_TRANSACTION]);
			expect(out(run, 'Record ITN')).toEqual([
				{ orderId: 'SO-1001', eeiRequired: true, itn, legend: `AES ${itn}`, transactionNumber: SO1001_TRANSACTION, environment: 'test' },
			]);
		});

		it('attaches NOEEI 30.37(a) with its reasons to SO-1002', () => {
			const [legend] = out(run, 'Attach NOEEI legend');
			expect(legend).toMatchObject({ orderId: 'SO-1002', eeiRequired: false, legend: 'NOEEI 30.37(a)' });
			expect(legend.reasons).toContain('15 CFR 30.37(a)');
		});

		it('alerts Slack once for the filing and once for the refusal', () => {
			const itn = sandbox.state.aes.filings[SO1001_TRANSACTION].itn;
			expect(out(run, 'Filing accepted?', 1)).toHaveLength(1);
			expect(out(run, 'Alert: EEI filed')).toEqual([{ data: 'ok' }]);
			expect(out(run, 'Alert: filing not accepted')).toEqual([{ data: 'ok' }]);
			const texts = slackTexts(sandbox, slackBefore);
			expect(texts).toHaveLength(2);
			expect(texts).toContain(`EEI filed for SO-1001: AES ${itn} (transaction ${SO1001_TRANSACTION}, test environment).`);
			expect(texts.find((text) => text.startsWith('EEI filing for SO-1003 was NOT accepted (notFiled)'))).toMatch(/"9999" is not in the Schedule D ports of export/);
		});

		it('never files an order twice: a re-run is refused as a duplicate transaction number and alerted', async () => {
			const again = await n8nLocal.executeWorkflow(userFolder, ORDER_TO_FILING);
			expect(again.ok).toBe(true);
			expect(out(again, 'File EEI (test environment)').map((item) => item.aes?.status)).toEqual(['duplicate', 'notFiled']);
			expect(n8nLocal.nodeOutput(again.run, 'Record ITN')).toBeUndefined();
			expect(out(again, 'Alert: filing not accepted')).toHaveLength(2);
			expect(sandbox.state.aes.accepted[SO1001_TRANSACTION]).toBe(1);
		});
	});

	describe('void a filing by transaction number', () => {
		let first: Execution;
		let second: Execution;

		beforeAll(async () => {
			first = await n8nLocal.executeWorkflow(userFolder, VOID_FILING);
			second = await n8nLocal.executeWorkflow(userFolder, VOID_FILING);
		});

		it('voids the filing of SO-1001 (the number the example names) in AES', () => {
			expect([first.ok, first.error?.message]).toEqual([true, undefined]);
			expect(out(first, 'Transaction number to void')).toEqual([{ transactionNumber: SO1001_TRANSACTION }]);
			expect(out(first, 'Void EEI')[0].aes).toMatchObject({ status: 'accepted', transactionType: 'void', transactionNumber: SO1001_TRANSACTION });
			expect(out(first, 'Void accepted?', 1)).toEqual([]);
			expect(out(first, 'Record void')).toEqual([
				{ transactionNumber: SO1001_TRANSACTION, status: 'accepted', itn: sandbox.state.aes.filings[SO1001_TRANSACTION].itn, environment: 'test' },
			]);
			expect(sandbox.state.aes.filings[SO1001_TRANSACTION].status).toBe('voided');
		});

		it('alerts when AES refuses to void a filing that is already voided', () => {
			expect(second.ok).toBe(true);
			expect(out(second, 'Void EEI')[0].aes).toMatchObject({ status: 'rejected', code: 'AES_REJECTED', transactionType: 'void' });
			expect(out(second, 'Void accepted?', 0)).toEqual([]);
			expect(n8nLocal.nodeOutput(second.run, 'Record void')).toBeUndefined();
			expect(out(second, 'Alert: void refused')).toEqual([{ data: 'ok' }]);
			expect(slackTexts(sandbox).at(-1)).toBe(
				`Void of EEI transaction ${SO1001_TRANSACTION} was NOT accepted: Delivery.International.EeiTransactionNumber: the filing "${SO1001_TRANSACTION}" was voided`,
			);
		});
	});

	describe('release alerts (the Manual Trigger twin lists the entries with Get Customs Entry)', () => {
		let run: Execution;
		let entries: Json[];
		let slackBefore: number;
		let emailBefore: number;

		beforeAll(async () => {
			// CBP holds one entry that is still undecided, so that both alert paths have an entry.
			const undecided = (sandbox.control.entries() as Json[]).find((entry) => !['released', 'cleared', 'customs_hold'].includes(entry.release_status));
			if (undecided) sandbox.control.setStatus(undecided.id, 'customs_hold');
			entries = sandbox.control.entries() as Json[];
			slackBefore = sandbox.state.sink.slack.length;
			emailBefore = sandbox.state.sink.email.length;
			run = await n8nLocal.executeWorkflow(userFolder, RELEASE_ALERTS);
		});

		const released = () => entries.filter((entry) => ['released', 'cleared'].includes(entry.release_status));
		const held = () => entries.filter((entry) => entry.release_status === 'customs_hold');

		it('starts from the Manual Trigger twin: the polling trigger does not run', () => {
			expect([run.ok, run.error?.message]).toEqual([true, undefined]);
			expect(ranNodes(run)).not.toContain('Customs Entry Trigger');
		});

		it('the seeded sandbox has released, cleared and held entries to alert on', () => {
			expect(released().length).toBeGreaterThan(0);
			expect(held().length).toBeGreaterThan(0);
		});

		it('gets every released, cleared and held entry from Flexport, as Flexport returns it', () => {
			const got = out(run, 'Get Customs Entries');
			expect(got.map((entry) => entry.id).sort()).toEqual([...released(), ...held()].map((entry) => entry.id).sort());
			expect(got.find((entry) => entry.id === held()[0].id)).toEqual(held()[0]);
		});

		it('routes released and cleared entries to Slack and held ones to email', () => {
			expect(out(run, 'Released or on hold?', 0).map((entry) => entry.id).sort()).toEqual(released().map((entry) => entry.id).sort());
			expect(out(run, 'Released or on hold?', 1).map((entry) => entry.id)).toEqual(held().map((entry) => entry.id));
		});

		it('posts one Slack message per released entry, naming its entry number and status', () => {
			expect(out(run, 'Slack: entry released')).toEqual(released().map(() => ({ data: 'ok' })));
			const texts = slackTexts(sandbox, slackBefore);
			expect(texts.sort()).toEqual(
				released()
					.map((entry) => `Customs entry ${entry.entry_number} (shipment ${entry.shipment.id}) is ${entry.release_status} since ${entry.release_date}.`)
					.sort(),
			);
		});

		it('emails the customs team once per held entry through the Send Email node, over SMTP to the sandbox', () => {
			const sent = out(run, 'Email: entry on hold');
			expect(sent.map((info) => [info.accepted, info.rejected])).toEqual(held().map(() => [['customs-team@example.com'], []]));
			expect(sent.every((info) => /^250 2\.0\.0 Ok: queued as SBX\d{6}$/.test(info.response))).toBe(true);
			const emails = sandbox.state.sink.email.slice(emailBefore);
			expect(emails.map((message) => message.body)).toEqual(
				held().map((entry) => ({
					from: 'customs-alerts@example.com',
					to: 'customs-team@example.com',
					subject: `Customs hold: entry ${entry.entry_number}`,
					text: `CBP put customs entry ${entry.entry_number} (shipment ${entry.shipment.id}) on hold. Check with the broker which documents CBP needs.`,
				})),
			);
			expect(emails.map((message) => message.envelope)).toEqual(
				held().map(() => ({ mailFrom: 'customs-alerts@example.com', rcptTo: ['customs-team@example.com'], authenticatedAs: sandbox.keys.smtpUser })),
			);
		});

		it('rides out one Flexport 500 during Get Many: the listing is retried and the same alerts go out', async () => {
			const slack = sandbox.state.sink.slack.length;
			sandbox.control.failNext({ path: '/flexport/customs_entries', status: 500, times: 1 });
			const retried = await n8nLocal.executeWorkflow(userFolder, RELEASE_ALERTS);
			expect([retried.ok, retried.error?.message]).toEqual([true, undefined]);
			expect(out(retried, 'Get Customs Entries')).toHaveLength(released().length + held().length);
			expect(sandbox.state.sink.slack.length - slack).toBe(released().length);
			expect(sandbox.state.requests.filter((request) => request.path.startsWith('/flexport/customs_entries') && request.status === 500)).toHaveLength(1);
		});

		it('fails the run at Get Customs Entries when Flexport keeps answering 500, and alerts nobody', async () => {
			const slack = sandbox.state.sink.slack.length;
			const email = sandbox.state.sink.email.length;
			sandbox.control.failNext({ path: '/flexport/customs_entries', status: 500, times: 10 });
			const failed = await n8nLocal.executeWorkflow(userFolder, RELEASE_ALERTS);
			sandbox.control.clearFaults();
			expect(failed.ok).toBe(false);
			expect(failed.run?.data.resultData.lastNodeExecuted).toBe('Get Customs Entries');
			expect(`${failed.error?.message} ${JSON.stringify(failed.error)}`).toMatch(/500/);
			expect(n8nLocal.nodeOutput(failed.run, 'Released or on hold?')).toBeUndefined();
			expect([sandbox.state.sink.slack.length - slack, sandbox.state.sink.email.length - email]).toEqual([0, 0]);
		});

		it('fetches one Flexport OAuth token for all runs: the client-credentials token is cached in the credential', () => {
			expect(sandbox.state.flexport.tokenRequests).toBe(1);
		});
	});
});
