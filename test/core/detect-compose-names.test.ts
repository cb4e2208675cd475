// Compose files by name: `docker compose -f` takes any file, so a prefix before the usual names
// counts (svix's `server/testing-docker-compose.yml` was never scanned), and other YAML stays YAML.
import { describe, expect, it } from 'vitest';
import { detectByPath } from '../../src/languages/detect.js';

describe('detectByPath: compose files', () => {
  it.each(['docker-compose.yml', 'compose.yaml', 'docker-compose.override.yml', 'compose.dev.yaml', 'server/testing-docker-compose.yml', 'deploy/dev.compose.yaml', 'podman-compose.yml', 'ci/test-compose.yml'])('%s is compose', (file) => {
    expect(detectByPath(file)).toBe('compose');
  });

  it.each(['decompose.yml', 'composer.yaml', 'docs/composition.yml', 'compose.json', 'k8s/deployment.yaml'])('%s is not compose', (file) => {
    expect(detectByPath(file)).not.toBe('compose');
  });
});

describe('detectByPath: Dockerfiles', () => {
  it.each(['Dockerfile', 'Dockerfile.dev', 'Dockerfile_amd', 'docker/Dockerfile-gpu', 'app.dockerfile', 'Containerfile', 'Containerfile.build'])('%s is a Dockerfile', (file) => {
    expect(detectByPath(file)).toBe('dockerfile');
  });

  it.each(['Dockerfiles.md', 'dockerfile_test.py', 'docs/dockerfile-guide.md'])('%s is not a Dockerfile', (file) => {
    expect(detectByPath(file)).not.toBe('dockerfile');
  });
});
