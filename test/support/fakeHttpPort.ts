import {
	TransportError,
	type HttpPort,
	type HttpRequest,
	type HttpResponse,
	type TransportFailureKind,
} from '../../src/http/port';

/** One scripted answer: an HTTP response, or a transport failure of the given kind. */
export type ScriptedAnswer = HttpResponse | { transportError: TransportFailureKind };

/** A JSON response with the given status (and optional headers, lower case). */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
	return { status, headers: { 'content-type': 'application/json', ...headers }, body };
}

/** A text (or HTML) response, as the port hands it over: the body is the raw text. */
export function textResponse(status: number, body: string, contentType = 'text/plain'): HttpResponse {
	return { status, headers: { 'content-type': contentType }, body };
}

/**
 * An in-memory HttpPort: answers requests from a script in order, records every request and
 * every sleep, and runs on a fake clock (sleep advances it). Running out of script is a test
 * failure, never a silent default.
 */
export class FakeHttpPort implements HttpPort {
	readonly requests: HttpRequest[] = [];
	readonly sleeps: number[] = [];
	private readonly script: ScriptedAnswer[];
	private clock: number;
	private readonly randomValue: number;

	constructor(script: ScriptedAnswer[], options: { now?: number; random?: number } = {}) {
		this.script = [...script];
		this.clock = options.now ?? Date.UTC(2026, 10, 21, 12, 0, 0);
		this.randomValue = options.random ?? 0.5;
	}

	get requestCount(): number {
		return this.requests.length;
	}

	/** Scripted answers not consumed yet. */
	get remaining(): number {
		return this.script.length;
	}

	async send(request: HttpRequest): Promise<HttpResponse> {
		this.requests.push(structuredClone(request));
		const answer = this.script.shift();
		if (answer === undefined) throw new Error(`FakeHttpPort: unexpected request ${request.method} ${request.url}`);
		if ('transportError' in answer) {
			throw new TransportError(answer.transportError, `simulated ${answer.transportError}`);
		}
		return answer;
	}

	async sleep(ms: number): Promise<void> {
		this.sleeps.push(ms);
		this.clock += ms;
	}

	now(): number {
		return this.clock;
	}

	random(): number {
		return this.randomValue;
	}
}
