// Tokens a CI system or hosting platform injects into the environment by itself. Nobody creates,
// stores or rotates them in the project, so they are never "unregistered secrets" and a workflow
// that reads `secrets.GITHUB_TOKEN` references nothing unknown. Users add their own platform's
// names with `platform_tokens: [NAME, ...]` in `.clavis-lint.yaml`; they are added to this list.
//
// Names that are also commonly a user's own key are left out on purpose: RunPod injects
// `RUNPOD_API_KEY` into its pods, but outside a RunPod image that is the user's own RunPod API
// key. A project that builds RunPod images adds it with `platform_tokens: [RUNPOD_API_KEY]`.

export interface PlatformToken {
  name: string;
  platform: string;
}

/** The built-in list, sorted by name. Documented in the rule docs (no-unregistered-secret-env) and the README. */
export const BUILT_IN_PLATFORM_TOKENS: readonly PlatformToken[] = [
  { name: 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', platform: 'GitHub Actions (OIDC)' },
  { name: 'ACTIONS_RUNTIME_TOKEN', platform: 'GitHub Actions' },
  { name: 'BITBUCKET_STEP_OIDC_TOKEN', platform: 'Bitbucket Pipelines (OIDC)' },
  { name: 'BUILDKITE_AGENT_ACCESS_TOKEN', platform: 'Buildkite' },
  { name: 'CIRCLE_OIDC_TOKEN', platform: 'CircleCI (OIDC)' },
  { name: 'CIRCLE_OIDC_TOKEN_V2', platform: 'CircleCI (OIDC)' },
  { name: 'CI_JOB_JWT', platform: 'GitLab CI' },
  { name: 'CI_JOB_JWT_V2', platform: 'GitLab CI' },
  { name: 'CI_JOB_TOKEN', platform: 'GitLab CI' },
  { name: 'GITHUB_TOKEN', platform: 'GitHub Actions' },
  { name: 'SYSTEM_ACCESSTOKEN', platform: 'Azure Pipelines' },
  { name: 'VERCEL_OIDC_TOKEN', platform: 'Vercel (OIDC)' },
];

/**
 * Standard variables of the operating system, network tooling and SDKs, which those read by
 * themselves: a registry may list them as secrets (a proxy URL can carry `user:password`, OTLP
 * headers carry a collector's token), but they are set in a user's shell or a deployment, not
 * copied from a project's example env file. Sorted by name.
 */
export const BUILT_IN_AMBIENT_VARIABLES: readonly PlatformToken[] = [
  { name: 'ALL_PROXY', platform: 'proxy convention (curl, Node, Python)' },
  { name: 'HTTPS_PROXY', platform: 'proxy convention (curl, Node, Python)' },
  { name: 'HTTP_PROXY', platform: 'proxy convention (curl, Node, Python)' },
  { name: 'NO_PROXY', platform: 'proxy convention (curl, Node, Python)' },
  { name: 'OTEL_EXPORTER_OTLP_HEADERS', platform: 'OpenTelemetry SDK' },
  { name: 'OTEL_EXPORTER_OTLP_LOGS_HEADERS', platform: 'OpenTelemetry SDK' },
  { name: 'OTEL_EXPORTER_OTLP_METRICS_HEADERS', platform: 'OpenTelemetry SDK' },
  { name: 'OTEL_EXPORTER_OTLP_TRACES_HEADERS', platform: 'OpenTelemetry SDK' },
  { name: 'all_proxy', platform: 'proxy convention (curl, Node, Python)' },
  { name: 'http_proxy', platform: 'proxy convention (curl, Node, Python)' },
  { name: 'https_proxy', platform: 'proxy convention (curl, Node, Python)' },
  { name: 'no_proxy', platform: 'proxy convention (curl, Node, Python)' },
];

/** A membership test over the built-in list plus the config's `platform_tokens`. */
export function platformTokenSet(extra: readonly string[] = []): ReadonlySet<string> {
  return new Set([...BUILT_IN_PLATFORM_TOKENS.map((t) => t.name), ...extra]);
}

/** For docs: "`NAME` (Platform), ..." in list order. */
export function describePlatformTokens(): string {
  return BUILT_IN_PLATFORM_TOKENS.map((t) => `\`${t.name}\` (${t.platform})`).join(', ');
}
