// Applies overlay patches (metadata for ids declared by an earlier source, typically code).
import type { Registry, SecretEntry } from '../model.js';
import type { OverlayPatch } from './source-result.js';

export function applyOverlay(registry: Registry, patch: OverlayPatch): void {
  const targets = registry.secrets.filter((secret) => secret.id === patch.id);
  if (targets.length === 0) {
    registry.diagnostics.push({
      file: patch.origin.file,
      line: patch.origin.line,
      column: patch.origin.column,
      message: `registry overlay: id "${patch.id}" is not declared by any earlier registry source; the overlay entry is ignored`,
    });
    return;
  }
  for (const target of targets) patchEntry(target, patch);
}

function patchEntry(target: SecretEntry, patch: OverlayPatch): void {
  if (patch.kind) {
    target.kind = patch.kind;
    target.kindSource = 'explicit';
  }
  if (patch.class !== undefined) target.class = patch.class;
  if (patch.owner !== undefined) target.owner = patch.owner;
  if (patch.description !== undefined) target.description = patch.description;
  if (patch.rotationDays !== undefined) target.rotationDays = patch.rotationDays;
  if (patch.scope !== undefined) target.scope = patch.scope;
  for (const dep of patch.deprecated ?? []) {
    const known = target.deprecated.find((d) => d.name === dep.name);
    if (known) {
      if (dep.removeAfter) known.removeAfter = dep.removeAfter;
      if (dep.replacement) known.replacement = dep.replacement;
    } else {
      target.deprecated.push({ name: dep.name, replacement: dep.replacement ?? target.env, removeAfter: dep.removeAfter, origin: dep.origin });
      target.nameOrigins[dep.name] ??= patch.nameOrigins[dep.name] ?? dep.origin;
    }
  }
  if (patch.removeAfter) {
    for (const dep of target.deprecated) dep.removeAfter ??= patch.removeAfter;
  }
  if (!target.sources.includes('overlay')) target.sources.push('overlay');
}
