/**
 * The n8n editor in a real Chromium, for the browser e2e suite: Debian's `chromium` package
 * driven by playwright-core (no browser download), and the few editor moves a README reader
 * makes (sign in, open a workflow, pick the trigger, execute, open a node). Every helper waits
 * on what the editor shows, never on time.
 */
import { accessSync, constants, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

import { chromium, selectors, type Browser, type Locator, type Page } from 'playwright-core';

/** n8n marks its elements with `data-test-id` (not Playwright's default `data-testid`). */
selectors.setTestIdAttribute('data-test-id');

/** The OS browser: CHROMIUM_PATH, else `chromium` (Debian) or `chromium-browser` on PATH (what `which` finds). */
export function chromiumPath(): string {
	if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
	const dirs = (process.env.PATH || '').split(path.delimiter).filter(Boolean);
	for (const name of ['chromium', 'chromium-browser']) {
		for (const dir of dirs) {
			try {
				accessSync(path.join(dir, name), constants.X_OK);
				return path.join(dir, name);
			} catch {
				// not in this folder
			}
		}
	}
	throw new Error('No Chromium found: install the OS package (Debian: apt-get install chromium) or set CHROMIUM_PATH');
}

export async function launchChromium(): Promise<Browser> {
	// Chromium's sandbox refuses to run as root (CI runs as root) and often lacks the user
	// namespaces it needs in containers; the only pages opened are our own loopback n8n and sandbox.
	return chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
}

/** Saves numbered screenshots of each step into `dir` (and named copies into `docsDir` when set). */
export class Steps {
	private count = 0;

	constructor(
		private readonly dir: string,
		private readonly docsDir?: string,
	) {
		// One run's steps only: pictures of an earlier run would be mistaken for this one's.
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(dir, { recursive: true });
		if (docsDir) mkdirSync(docsDir, { recursive: true });
	}

	async shot(page: Page, name: string, docsName?: string): Promise<string> {
		this.count += 1;
		const file = path.join(this.dir, `${String(this.count).padStart(2, '0')}-${name}.png`);
		await page.screenshot({ path: file });
		if (this.docsDir && docsName) await page.screenshot({ path: path.join(this.docsDir, docsName) });
		return file;
	}
}

/** n8n's sign-in page, filled as the README says. */
export async function signIn(page: Page, url: string, email: string, password: string): Promise<void> {
	await page.goto(`${url}/signin`);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL(/\/home\/workflows/);
}

/** Closes every toast, so that the next one is the answer to the next action and no picture is covered. */
export async function closeToasts(page: Page): Promise<void> {
	const close = page.locator('.el-notification__closeBtn');
	while ((await close.count()) > 0) {
		await close
			.first()
			.click({ timeout: 2000 })
			.catch(() => undefined);
		await page.waitForTimeout(50);
	}
}

/** The big "Execute workflow" button at the bottom of the canvas. */
export function executeButton(page: Page): Locator {
	return page.getByTestId('execute-workflow-button');
}

/** Opens the workflow by clicking its name in Overview, and waits for the canvas. */
export async function openFromOverview(page: Page, url: string, name: string): Promise<void> {
	if (!/\/home\/workflows/.test(page.url())) await page.goto(`${url}/home/workflows`);
	await page.getByText(name, { exact: true }).first().click();
	await page.waitForURL(/\/workflow\//);
	await executeButton(page).waitFor();
	await page.getByTestId('canvas-node').first().waitFor();
}

/** Picks a trigger in the menu of the Execute workflow button (the arrow beside it). */
export async function chooseTrigger(page: Page, triggerName: string): Promise<void> {
	await page.getByRole('button', { name: 'Select trigger node' }).click();
	await page.getByRole('menuitem', { name: `from ${triggerName}` }).click();
	await page.getByRole('menu').waitFor({ state: 'hidden' });
}

/** Clicks Execute workflow and waits for n8n's verdict toast; returns its text. */
export async function executeWorkflow(page: Page): Promise<string> {
	await closeToasts(page);
	await executeButton(page).click();
	const toast = page.locator('.el-notification').first();
	await toast.waitFor({ timeout: 120_000 });
	const text = (await toast.innerText()).trim();
	await closeToasts(page);
	return text;
}

export function canvasNode(page: Page, name: string): Locator {
	return page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
}

/** The item-count labels the canvas shows on its connections after a run ("3 items", "1 item"). */
export async function edgeLabels(page: Page): Promise<string[]> {
	return (await page.getByTestId('edge-label').allInnerTexts()).map((text) => text.trim()).filter(Boolean);
}

/** Opens a node (double click) and waits for its panel; returns the panel. */
export async function openNode(page: Page, name: string): Promise<Locator> {
	await canvasNode(page, name).dblclick();
	const ndv = page.getByTestId('ndv');
	await ndv.waitFor();
	await ndv.getByTestId('node-parameters').waitFor();
	return ndv;
}

export async function closeNode(page: Page): Promise<void> {
	await page.getByTestId('ndv-close-button').click();
	await page.getByTestId('ndv').waitFor({ state: 'hidden' });
}
