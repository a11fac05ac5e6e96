/**
 * An SMTP sink on loopback, for n8n's Send Email node (nodemailer): it speaks enough of SMTP
 * (RFC 5321: EHLO/HELO, AUTH PLAIN and LOGIN of RFC 4954, MAIL, RCPT, DATA, RSET, NOOP, QUIT)
 * to take a message, and records it with the Slack messages in `state.sink.email` (shown at
 * `GET /sink`). It offers no STARTTLS, so the credential uses plain SMTP (SSL/TLS off).
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';

import type { SinkMessage } from './sink';

export interface SmtpCredentials {
	user: string;
	password: string;
}

export interface SmtpMail {
	/** The From, To and Subject headers, decoded. */
	from: string;
	to: string;
	subject: string;
	/** The text/plain body (the first text/plain part of a multipart message), decoded, with \n line ends. */
	text: string;
}

export interface SmtpSink {
	host: string;
	port: number;
	close(): Promise<void>;
}

/** A message above this size is refused (552): alerts are short. */
const MAX_MESSAGE_BYTES = 1024 * 1024;

function decodeBase64(text: string): string {
	return Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8');
}

function decodeQuotedPrintable(text: string): string {
	const bytes: number[] = [];
	const soft = text.replace(/=\r?\n/g, '');
	for (let i = 0; i < soft.length; i++) {
		const hex = soft.slice(i + 1, i + 3);
		if (soft[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
			bytes.push(parseInt(hex, 16));
			i += 2;
		} else {
			bytes.push(...Buffer.from(soft[i], 'utf8'));
		}
	}
	return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 encoded words (`=?UTF-8?Q?...?=`, `=?UTF-8?B?...?=`), as nodemailer writes non-ASCII headers. */
function decodeHeaderValue(value: string): string {
	return value
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, encoding: string, data: string) =>
			encoding.toUpperCase() === 'B' ? decodeBase64(data) : decodeQuotedPrintable(data.replace(/_/g, ' ')),
		);
}

/** Headers (unfolded, lower-case names) and body of one MIME entity. */
function splitEntity(raw: string): { headers: Map<string, string>; body: string } {
	const at = raw.search(/\r?\n\r?\n/);
	const head = at < 0 ? raw : raw.slice(0, at);
	const body = at < 0 ? '' : raw.slice(at).replace(/^\r?\n\r?\n/, '');
	const headers = new Map<string, string>();
	for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
		const colon = line.indexOf(':');
		if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
	}
	return { headers, body };
}

function decodeBody(headers: Map<string, string>, body: string): string {
	const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
	const decoded = encoding === 'base64' ? decodeBase64(body) : encoding === 'quoted-printable' ? decodeQuotedPrintable(body) : body;
	return decoded.replace(/\r\n/g, '\n').replace(/\n+$/, '');
}

/** The first text/plain part of an entity, multipart or not. */
function textPart(raw: string): string | undefined {
	const { headers, body } = splitEntity(raw);
	const type = headers.get('content-type') ?? 'text/plain';
	const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
	if (/^multipart\//i.test(type) && boundary) {
		for (const part of body.split(`--${boundary}`).slice(1)) {
			if (part.startsWith('--')) break;
			const text = textPart(part.replace(/^\r?\n/, ''));
			if (text !== undefined) return text;
		}
		return undefined;
	}
	return /^text\/plain/i.test(type) ? decodeBody(headers, body) : undefined;
}

/** Reads a message as received after DATA (dot-stuffing already removed). */
export function parseMail(raw: string): SmtpMail {
	const { headers } = splitEntity(raw);
	const header = (name: string) => decodeHeaderValue(headers.get(name) ?? '');
	return { from: header('from'), to: header('to'), subject: header('subject'), text: textPart(raw) ?? '' };
}

interface Session {
	authenticatedAs?: string;
	mailFrom?: string;
	rcptTo: string[];
	/** What the next line is: a command, an AUTH step, or message data. */
	awaiting: 'command' | 'authPlain' | 'authLoginUser' | 'authLoginPassword' | 'data';
	loginUser?: string;
	data: string[];
	dataBytes: number;
}

function address(argument: string): string {
	return (/<([^>]*)>/.exec(argument)?.[1] ?? argument.split(/\s+/)[0] ?? '').trim();
}

/**
 * Starts the SMTP sink on host:port (port 0 picks one). Every accepted message is appended to
 * `messages`; mail is accepted only after AUTH with `credentials`.
 */
export async function startSmtpSink(options: {
	host: string;
	port: number;
	credentials: SmtpCredentials;
	messages: SinkMessage[];
	now: () => number;
}): Promise<SmtpSink> {
	const { credentials, messages, now } = options;
	const sockets = new Set<Socket>();
	let sequence = 0;

	const checkLogin = (user: string, password: string) => user === credentials.user && password === credentials.password;

	const handleConnection = (socket: Socket): void => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.on('error', () => socket.destroy());
		socket.setEncoding('utf8');
		const session: Session = { rcptTo: [], awaiting: 'command', data: [], dataBytes: 0 };
		const reply = (line: string) => socket.write(`${line}\r\n`);
		const reset = () => {
			session.mailFrom = undefined;
			session.rcptTo = [];
			session.data = [];
			session.dataBytes = 0;
		};
		const authResult = (ok: boolean, user: string) => {
			session.awaiting = 'command';
			if (ok) session.authenticatedAs = user;
			reply(ok ? '235 2.7.0 Authentication successful' : '535 5.7.8 Authentication credentials invalid');
		};
		const authPlain = (encoded: string) => {
			const [, user = '', password = ''] = decodeBase64(encoded).split('\u0000');
			authResult(checkLogin(user, password), user);
		};

		const onLine = (line: string): void => {
			switch (session.awaiting) {
				case 'data': {
					if (line === '.') {
						session.awaiting = 'command';
						if (session.dataBytes > MAX_MESSAGE_BYTES) {
							reset();
							reply('552 5.3.4 Message too big for the sandbox');
							return;
						}
						const raw = session.data.join('\r\n');
						const mail = parseMail(raw);
						sequence += 1;
						const queuedAs = `SBX${String(sequence).padStart(6, '0')}`;
						messages.push({
							at: new Date(now()).toISOString(),
							contentType: 'message/rfc822',
							body: mail,
							envelope: { mailFrom: session.mailFrom ?? '', rcptTo: [...session.rcptTo], authenticatedAs: session.authenticatedAs ?? '' },
						});
						reset();
						reply(`250 2.0.0 Ok: queued as ${queuedAs}`);
						return;
					}
					session.dataBytes += line.length + 2;
					// RFC 5321 4.5.2: a leading dot was doubled by the client.
					if (session.dataBytes <= MAX_MESSAGE_BYTES) session.data.push(line.startsWith('.') ? line.slice(1) : line);
					return;
				}
				case 'authPlain':
					authPlain(line);
					return;
				case 'authLoginUser':
					session.loginUser = decodeBase64(line);
					session.awaiting = 'authLoginPassword';
					reply('334 UGFzc3dvcmQ6');
					return;
				case 'authLoginPassword':
					authResult(checkLogin(session.loginUser ?? '', decodeBase64(line)), session.loginUser ?? '');
					return;
				default:
					break;
			}
			const [verb = '', ...rest] = line.split(' ');
			const argument = rest.join(' ');
			switch (verb.toUpperCase()) {
				case 'EHLO':
					reset();
					reply('250-sandbox Hello');
					reply('250-AUTH PLAIN LOGIN');
					reply('250-8BITMIME');
					reply(`250 SIZE ${MAX_MESSAGE_BYTES}`);
					return;
				case 'HELO':
					reset();
					reply('250 sandbox');
					return;
				case 'AUTH': {
					const [mechanism = '', initial] = argument.split(' ');
					if (mechanism.toUpperCase() === 'PLAIN') {
						if (initial) authPlain(initial);
						else {
							session.awaiting = 'authPlain';
							reply('334 ');
						}
					} else if (mechanism.toUpperCase() === 'LOGIN') {
						if (initial) {
							session.loginUser = decodeBase64(initial);
							session.awaiting = 'authLoginPassword';
							reply('334 UGFzc3dvcmQ6');
						} else {
							session.awaiting = 'authLoginUser';
							reply('334 VXNlcm5hbWU6');
						}
					} else reply('504 5.5.4 Unrecognized authentication type');
					return;
				}
				case 'MAIL':
					if (!session.authenticatedAs) return void reply('530 5.7.0 Authentication required');
					reset();
					session.mailFrom = address(argument.replace(/^FROM:/i, ''));
					reply('250 2.1.0 Ok');
					return;
				case 'RCPT':
					if (session.mailFrom === undefined) return void reply('503 5.5.1 MAIL first');
					session.rcptTo.push(address(argument.replace(/^TO:/i, '')));
					reply('250 2.1.5 Ok');
					return;
				case 'DATA':
					if (session.rcptTo.length === 0) return void reply('503 5.5.1 RCPT first');
					session.awaiting = 'data';
					reply('354 End data with <CR><LF>.<CR><LF>');
					return;
				case 'RSET':
					reset();
					reply('250 2.0.0 Ok');
					return;
				case 'NOOP':
					reply('250 2.0.0 Ok');
					return;
				case 'QUIT':
					reply('221 2.0.0 Bye');
					socket.end();
					return;
				default:
					reply('502 5.5.2 Command not recognized');
			}
		};

		let buffered = '';
		socket.on('data', (chunk: string) => {
			buffered += chunk;
			let end = buffered.indexOf('\r\n');
			while (end >= 0) {
				const line = buffered.slice(0, end);
				buffered = buffered.slice(end + 2);
				onLine(line);
				end = buffered.indexOf('\r\n');
			}
		});
		reply('220 sandbox ESMTP n8n-nodes-us-customs provider sandbox');
	};

	const server: Server = createServer(handleConnection);
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port, options.host, () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	return {
		host: options.host,
		port,
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}
