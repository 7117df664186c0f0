import { DnsLookup, DnsUnreachable, pointsAt } from '../../../tools/drill/dns';

const TARGET = 'd-east111.execute-api.us-east-1.amazonaws.com';

function lookup(answers: Record<string, { a?: string[]; cname?: string[] }>): DnsLookup {
  const missing = () => Promise.reject(Object.assign(new Error('ENODATA'), { code: 'ENODATA' }));
  return {
    resolve4: (host) => (answers[host]?.a ? Promise.resolve(answers[host].a!) : missing()),
    resolveCname: (host) => (answers[host]?.cname ? Promise.resolve(answers[host].cname!) : missing()),
    getServers: () => ['192.0.2.53', '[2001:db8::53]:5353'],
  };
}

describe('pointsAt', () => {
  test('CNAME records: the answer names the regional target', async () => {
    expect(await pointsAt(lookup({ 'api.example.com': { cname: [`${TARGET}.`] } }), 'api.example.com', TARGET)).toBe(true);
    expect(await pointsAt(lookup({ 'api.example.com': { cname: ['d-west.execute-api.us-west-2.amazonaws.com'] } }), 'api.example.com', TARGET)).toBe(false);
  });

  test('ALIAS records: the answer shares addresses with the regional target', async () => {
    const east = { a: ['3.3.3.3', '4.4.4.4'] };
    expect(await pointsAt(lookup({ 'api.example.com': { a: ['4.4.4.4'] }, [TARGET]: east }), 'api.example.com', TARGET)).toBe(true);
    expect(await pointsAt(lookup({ 'api.example.com': { a: ['5.5.5.5'] }, [TARGET]: east }), 'api.example.com', TARGET)).toBe(false);
    expect(await pointsAt(lookup({}), 'api.example.com', TARGET)).toBe(false);
  });

  test('a resolver that does not answer is DnsUnreachable, naming the servers and what happened; "no such record" is not', async () => {
    const failing = (code: string): DnsLookup => ({
      ...lookup({}), resolveCname: () => Promise.reject(Object.assign(new Error(code), { code })),
    });
    await expect(pointsAt(failing('ETIMEOUT'), 'api.example.com', TARGET)).rejects
      .toThrow(new DnsUnreachable(['192.0.2.53', '[2001:db8::53]:5353'], 'api.example.com', 'timed out'));
    await expect(pointsAt(failing('ECONNREFUSED'), 'api.example.com', TARGET)).rejects
      .toThrow('DNS servers 192.0.2.53, [2001:db8::53]:5353 did not answer for api.example.com (connection refused)');
    await expect(pointsAt(failing('ENOTFOUND'), 'api.example.com', TARGET)).resolves.toBe(false);
  });
});
