/**
 * Alert sinks: `POST /sink/slack` stands in for a Slack incoming webhook (answers `ok`, as Slack
 * does); email arrives over SMTP (smtp.ts) into `email`. `GET /sink` lists what arrived, `DELETE
 * /sink` empties it.
 */
import { parseJson, type SandboxRequest, type SandboxResponse } from './http';

export interface SinkMessage {
	at: string;
	contentType: string;
	/** Parsed JSON when the body was JSON, else the text; for email, the decoded { from, to, subject, text }. */
	body: unknown;
	/** Email only: the SMTP envelope and the login that sent it. */
	envelope?: { mailFrom: string; rcptTo: string[]; authenticatedAs: string };
}

export interface SinkState {
	slack: SinkMessage[];
	email: SinkMessage[];
}

export function createSinkState(): SinkState {
	return { slack: [], email: [] };
}

export function handleSink(req: SandboxRequest, state: SinkState, now: () => number): SandboxResponse {
	const channel = req.path.replace(/^\//, '');
	if (channel === '') {
		if (req.method === 'GET') return { status: 200, body: state };
		if (req.method === 'DELETE') {
			state.slack.length = 0;
			state.email.length = 0;
			return { status: 204 };
		}
		return { status: 405, body: { error: 'use GET or DELETE' } };
	}
	if (channel === 'email') return { status: 404, body: { error: 'email arrives over SMTP: see sandbox.smtp (host and port)' } };
	if (channel !== 'slack') return { status: 404, body: { error: `no sink "${channel}"` } };
	if (req.method !== 'POST') return { status: 405, body: { error: 'use POST' } };
	const json = parseJson(req.body);
	if (json === undefined) return { status: 400, body: 'invalid_payload' };
	state.slack.push({ at: new Date(now()).toISOString(), contentType: String(req.headers['content-type'] ?? ''), body: json });
	return { status: 200, body: 'ok' };
}
