import nock from 'nock';

// No test reaches the network: only loopback (the sandbox and local servers) is allowed.
beforeAll(() => {
	// Each test file loads its own nock; the previous file's interceptor must be gone (afterAll).
	if (!nock.isActive()) nock.activate();
	nock.disableNetConnect();
	nock.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/);
});

// A test that asserts nothing is a defect: every test must make at least one assertion.
beforeEach(() => {
	expect.hasAssertions();
});

// A test that leaves a mock unused or hits an unmocked host fails, instead of passing silently.
afterEach(() => {
	const pending = nock.pendingMocks();
	nock.cleanAll();
	if (pending.length > 0) {
		throw new Error(`Unused HTTP mocks: ${pending.join(', ')}`);
	}
});

afterAll(() => {
	nock.restore();
});
