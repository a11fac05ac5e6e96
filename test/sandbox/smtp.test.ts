/**
 * The sandbox's SMTP sink, spoken to as an SMTP client does (RFC 5321 commands, RFC 4954 AUTH),
 * the way n8n's Send Email node (nodemailer) sends: the mail is recorded, decoded, at GET /sink.
 */
import { createConnection, type Socket } from 'node:net';

import { startSandbox, type Sandbox } from '../../sandbox';
import { json } from './support';

/** A line-by-line SMTP client: `send` writes a line and resolves the server's (possibly multi-line) reply. */
async function smtpClient(host: string, port: number): Promise<{ send(line: string): Promise<string>; greeting: string; socket: Socket }> {
	const socket = createConnection({ host, port });
	socket.setEncoding('utf8');
	let buffer = '';
	let waiting: ((reply: string) => void) | undefined;
	const flush = () => {
		// A reply ends with a line "NNN " (a space after the code); "NNN-" lines continue it.
		const match = /(^|\r\n)(\d{3}) [^\r\n]*\r\n/.exec(buffer);
		if (match && waiting) {
			const end = match.index + match[0].length;
			const reply = buffer.slice(0, end);
			buffer = buffer.slice(end);
			const resolve = waiting;
			waiting = undefined;
			resolve(reply.trim());
		}
	};
	socket.on('data', (chunk: string) => {
		buffer += chunk;
		flush();
	});
	const next = () =>
		new Promise<string>((resolve) => {
			waiting = resolve;
			flush();
		});
	const greeting = await next();
	return {
		greeting,
		socket,
		send: (line: string) => {
			const reply = next();
			socket.write(`${line}\r\n`);
			return reply;
		},
	};
}

const plain = (user: string, password: string) => Buffer.from(`\u0000${user}\u0000${password}`).toString('base64');

describe('sandbox: the SMTP sink for n8n Send Email alerts', () => {
	let sandbox: Sandbox;
	const clients: Socket[] = [];

	beforeEach(async () => {
		sandbox = await startSandbox();
	});
	afterEach(async () => {
		for (const socket of clients.splice(0)) socket.destroy();
		await sandbox.close();
	});

	async function connect() {
		const client = await smtpClient(sandbox.smtp.host, sandbox.smtp.port);
		clients.push(client.socket);
		return client;
	}

	it('listens on loopback beside the HTTP sandbox and greets with 220', async () => {
		const client = await connect();
		expect([sandbox.smtp.host, client.greeting.slice(0, 4)]).toEqual(['127.0.0.1', '220 ']);
	});

	it('offers AUTH PLAIN and LOGIN and no STARTTLS (the credential uses plain SMTP on loopback)', async () => {
		const client = await connect();
		const ehlo = await client.send('EHLO n8n');
		expect(ehlo).toContain('AUTH PLAIN LOGIN');
		expect(ehlo).not.toContain('STARTTLS');
	});

	it('refuses mail before the client logs in', async () => {
		const client = await connect();
		await client.send('EHLO n8n');
		expect(await client.send('MAIL FROM:<alerts@sandbox.example>')).toMatch(/^530 /);
	});

	it('refuses a wrong password', async () => {
		const client = await connect();
		await client.send('EHLO n8n');
		expect(await client.send(`AUTH PLAIN ${plain(sandbox.keys.smtpUser, 'wrong')}`)).toMatch(/^535 /);
	});

	it('records a mail sent after AUTH LOGIN, with its envelope, decoded headers (RFC 2047) and quoted-printable text', async () => {
		const client = await connect();
		await client.send('EHLO n8n');
		expect(await client.send('AUTH LOGIN')).toBe('334 VXNlcm5hbWU6');
		expect(await client.send(Buffer.from(sandbox.keys.smtpUser).toString('base64'))).toBe('334 UGFzc3dvcmQ6');
		expect(await client.send(Buffer.from(sandbox.keys.smtpPassword).toString('base64'))).toMatch(/^235 /);
		expect(await client.send('MAIL FROM:<alerts@sandbox.example> SIZE=300')).toMatch(/^250 /);
		expect(await client.send('RCPT TO:<customs-team@example.com>')).toMatch(/^250 /);
		expect(await client.send('DATA')).toMatch(/^354 /);
		const message = [
			'From: alerts@sandbox.example',
			'To: customs-team@example.com',
			'Subject: =?UTF-8?Q?Customs_hold:_entry_=E2=84=96_CHQ-1?=',
			'Content-Type: text/plain; charset=utf-8',
			'Content-Transfer-Encoding: quoted-printable',
			'',
			'CBP put entry CHQ-1 on hold =E2=80=94 check the documents.=',
			'..and a line that began with a dot',
			'.',
		].join('\r\n');
		expect(await client.send(message)).toMatch(/^250 2\.0\.0 Ok: queued as SBX\d{6}$/);
		expect(sandbox.state.sink.email).toEqual([
			{
				at: expect.any(String),
				contentType: 'message/rfc822',
				body: {
					from: 'alerts@sandbox.example',
					to: 'customs-team@example.com',
					subject: 'Customs hold: entry № CHQ-1',
					text: 'CBP put entry CHQ-1 on hold — check the documents..and a line that began with a dot',
				},
				envelope: { mailFrom: 'alerts@sandbox.example', rcptTo: ['customs-team@example.com'], authenticatedAs: sandbox.keys.smtpUser },
			},
		]);
	});

	it('reads the text part of a multipart message and lists the mail on GET /sink with the Slack messages', async () => {
		const client = await connect();
		await client.send('EHLO n8n');
		await client.send(`AUTH PLAIN ${plain(sandbox.keys.smtpUser, sandbox.keys.smtpPassword)}`);
		await client.send('MAIL FROM:<alerts@sandbox.example>');
		await client.send('RCPT TO:<broker@example.com>');
		await client.send('DATA');
		const message = [
			'From: alerts@sandbox.example',
			'To: broker@example.com',
			'Subject: Customs hold',
			'Content-Type: multipart/alternative; boundary="b1"',
			'',
			'--b1',
			'Content-Type: text/plain',
			'Content-Transfer-Encoding: base64',
			'',
			Buffer.from('Entry on hold.').toString('base64'),
			'--b1',
			'Content-Type: text/html',
			'',
			'<p>Entry on hold.</p>',
			'--b1--',
			'.',
		].join('\r\n');
		expect(await client.send(message)).toMatch(/^250 /);
		expect(await client.send('QUIT')).toMatch(/^221 /);
		const listed = await json(await fetch(sandbox.urls.sink));
		expect(listed.email.map((mail: { body: unknown }) => mail.body)).toEqual([
			{ from: 'alerts@sandbox.example', to: 'broker@example.com', subject: 'Customs hold', text: 'Entry on hold.' },
		]);
	});
});
