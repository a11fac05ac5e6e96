/**
 * Alert sinks: `POST /sink/slack` stands in for a Slack incoming webhook (answers `ok`, as Slack
 * does), `POST /sink/email` for a mail relay; `GET /sink` lists what arrived, `DELETE /sink` empties it.
 */
import { parseJson, type SandboxRequest, type SandboxResponse } from './http';

export interface SinkMessage {
	at: string;
	contentType: string;
	/** Parsed JSON when the body was JSON, else the text. */
	body: unknown;
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
	if (channel !== 'slack' && channel !== 'email') return { status: 404, body: { error: `no sink "${channel}"` } };
	if (req.method !== 'POST') return { status: 405, body: { error: 'use POST' } };
	const json = parseJson(req.body);
	if (channel === 'slack' && json === undefined) return { status: 400, body: 'invalid_payload' };
	state[channel].push({
		at: new Date(now()).toISOString(),
		contentType: String(req.headers['content-type'] ?? ''),
		body: json ?? req.body,
	});
	return channel === 'slack' ? { status: 200, body: 'ok' } : { status: 202, body: { accepted: true } };
}
