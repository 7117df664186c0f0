import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { AWS_REGIONS } from '../../src/config/aws-regions';
import { EXAMPLE_CONFIG_PATH } from '../../src/config/load';

/**
 * Writes the example config with its region list replaced by the first `count` known AWS regions (the example's own
 * regions first, so the 2-region file is the example itself), and returns the file's path.
 */
export function writeRegionConfig(projectDir: string, dir: string, count: number): string {
  const example = JSON.parse(readFileSync(join(projectDir, EXAMPLE_CONFIG_PATH), 'utf8')) as { regions: string[] };
  const ordered = [...example.regions, ...AWS_REGIONS.filter((region) => !example.regions.includes(region))];
  if (count > ordered.length) throw new Error(`only ${ordered.length} AWS regions are known; cannot bench ${count}`);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `regions-${count}.json`);
  writeFileSync(path, JSON.stringify({ ...example, regions: ordered.slice(0, count) }, null, 2));
  return path;
}
