export const SHAPE = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
export const IP_ADDRESS = /^\d{1,3}(\.\d{1,3}){3}$/;
export const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
export const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

/** Why S3 refuses `name` as a general purpose bucket's name, or undefined when it is a valid one. */
export function bucketNameProblem(name: string): string | undefined {
  if (!SHAPE.test(name)) return 'is not 3-63 lower-case letters, digits, dots and dashes, starting and ending with a letter or digit';
  if (name.includes('..')) return 'has two dots in a row';
  if (IP_ADDRESS.test(name)) return 'is shaped like an IP address';
  const prefix = RESERVED_PREFIXES.find((reserved) => name.startsWith(reserved));
  if (prefix) return `starts with "${prefix}", which S3 reserves`;
  const suffix = RESERVED_SUFFIXES.find((reserved) => name.endsWith(reserved));
  if (suffix) return `ends with "${suffix}", which S3 reserves`;
  return undefined;
}
