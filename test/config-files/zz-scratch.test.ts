import { it } from 'vitest';
import { markdownFrontEnd } from '../../src/languages/config/markdown.js';
import { composeFrontEnd } from '../../src/languages/config/compose.js';
import { kubernetesFrontEnd } from '../../src/languages/config/kubernetes.js';
import { dockerfileFrontEnd } from '../../src/languages/config/dockerfile.js';
import { dotenvFrontEnd } from '../../src/languages/config/dotenv.js';
const opts = { registryNames: ['GITHUB_TOKEN'], secretNames: {}, idsByName: {}, envById: {}, resolver: { paths: [], functions: [], types: [], sanitizers: [] } };
const show = async (fe: any, file: string, text: string) => { const r = await fe.analyze(file, text, opts); console.log('== ' + file); for (const f of r.facts) console.log(JSON.stringify(f)); console.log(JSON.stringify(r.errors)); };
it('scratch', async () => {
  await show(markdownFrontEnd, 'docs/secrets.md', `# Secrets
<!-- clavis-lint:begin secrets-table -->
| Env | Notes |
|---|---|
| \`OPENROUTER_API_KEY\` | key, alias \`VOX_OPENROUTER_API_KEY\` |
<!-- clavis-lint:end -->

| Name | Status |
| --- | --- |
| OPENROUTER_KEY | ~~old~~ |
| STRIPE_KEY \\| X | current |

- \`GITHUB_TOKEN\`: token <!-- clavis-lint-disable-line docs-drift -- ok -->
- FOO_BAR and
  also BAZ_QUX (deprecated)

Paragraph OTHER_NAME and \`INLINE_CODE\`.
`);
  await show(composeFrontEnd, 'compose.yml', `services:
  app:
    image: x:\${TAG:-latest}
    environment:
      STRIPE_SECRET_KEY: sk-test-FAKE # clavis-lint-disable-line x -- y
      DATABASE_URL: \${DATABASE_URL}
      EMPTY:
    build:
      args:
        - GITHUB_TOKEN=\${GITHUB_TOKEN}
        - NPM_TOKEN
  worker:
    environment:
      - OPENROUTER_API_KEY=sk-test-FAKE
      - "LOG=1"
`);
  await show(kubernetesFrontEnd, 'k8s.yaml', `apiVersion: v1
kind: Secret
metadata: {name: s}
stringData:
  STRIPE_SECRET_KEY: sk-test-FAKE
  OPENROUTER_API_KEY: ""
---
apiVersion: apps/v1
kind: Deployment
spec:
  template:
    spec:
      containers:
        - name: app
          env:
            - name: OPENROUTER_API_KEY
              value: sk-test-FAKE
            - name: STRIPE_SECRET_KEY
              valueFrom:
                secretKeyRef: {name: s, key: STRIPE_SECRET_KEY}
`);
  await show(dockerfileFrontEnd, 'Dockerfile', `# syntax=docker/dockerfile:1
FROM node:20
ARG NPM_TOKEN
ARG STRIPE_SECRET_KEY=sk-test-FAKE VERSION=1
ENV OPENROUTER_API_KEY=\${OPENROUTER_API_KEY} \\
    # comment clavis-lint-disable-next-line a -- b
    GITHUB_TOKEN="abc def"
ENV LEGACY_KEY value here
RUN --mount=type=secret,id=npmrc,env=NPM_TOKEN \\
    npm ci && echo $NPM_TOKEN
`);
  await show(dotenvFrontEnd, '.env.example', `# clavis-lint-disable-next-line env-example-drift -- legacy
OPENROUTER_API_KEY=
export STRIPE_SECRET_KEY="sk-test-FAKE" # inline
MULTI="line1
line2"
GITHUB_TOKEN=<your token>
DATABASE_URL: postgres://localhost/db
BROKEN='x
`);
});
