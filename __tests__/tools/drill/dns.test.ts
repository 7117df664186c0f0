import { DnsLookup, pointsAt } from '../../../tools/drill/dns';

const TARGET = 'd-east111.execute-api.us-east-1.amazonaws.com';

function lookup(answers: Record<string, { a?: string[]; cname?: string[] }>): DnsLookup {
  const missing = () => Promise.reject(Object.assign(new Error('ENODATA'), { code: 'ENODATA' }));
  return {
    resolve4: (host) => (answers[host]?.a ? Promise.resolve(answers[host].a!) : missing()),
    resolveCname: (host) => (answers[host]?.cname ? Promise.resolve(answers[host].cname!) : missing()),
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
});
