import { it } from 'vitest';
import { workflowFrontEnd } from '../../src/languages/config/workflow.js';
const opts = { registryNames: [], secretNames: {}, idsByName: {}, envById: {}, resolver: { paths: [], functions: [], types: [], sanitizers: [] } };
it('scratch', async () => {
  const text = `name: ci
on: push
permissions:
  id-token: write
env: &common
  OPENROUTER_API_KEY: \${{ secrets.OPENROUTER_API_KEY }}
  LOG_LEVEL: debug # clavis-lint-disable-line no-secret-literal-in-config -- fine
jobs:
  build:
    runs-on: ubuntu-latest
    env:
      <<: *common
      STRIPE_KEY: "\${{ secrets['STRIPE_KEY'] }}"
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-access-key-id: \${{ secrets.AWS_ACCESS_KEY_ID }}
          region: us-east-1
      - run: |
          echo start
          curl -H "x: \${{ secrets.GITHUB_TOKEN }}" \\
            https://x
      - run: >
          echo \${{ secrets.A }}
          and \${{ secrets.B }}
`;
  const r = await workflowFrontEnd.analyze('.github/workflows/ci.yml', text, opts);
  for (const f of r.facts) console.log(JSON.stringify(f));
  console.log(r.errors);
});
