import { compareVersions, findTerraform } from '../../../tools/terraform/find-terraform';

describe('findTerraform', () => {
  test('a missing binary gives one line saying what to install', () => {
    const lookup = findTerraform({ ...process.env, TERRAFORM_BINARY: '/nonexistent/terraform' });
    expect(lookup).toEqual({
      found: false,
      message: expect.stringMatching(/^Terraform not found \(tried "\/nonexistent\/terraform"\): install Terraform >= 1\.10\.0 .*PATH.*TERRAFORM_BINARY/),
    });
    expect(lookup.found || lookup.message).not.toMatch(/\n/);
  });

  test.each([
    ['1.11.4', '1.10.0', 1],
    ['1.10.0', '1.10.0', 0],
    ['1.9.8', '1.10.0', -1],
    ['1.10.0-beta1', '1.10', 0],
  ])('compareVersions(%s, %s) has the sign of %d', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });
});
