import type { AnchoredAnnotation } from '../../../src/api.js';
import { entityTypeKey, type MessageKey } from '../lib/i18n.js';
import { t } from '../state/settings.svelte.js';

/** What an annotation is, in the user's language: its highlight colour, or the type given to a name. */
export function annotationKindLabel(a: AnchoredAnnotation): string {
  if (a.kind === 'highlight') return t(`color_${a.color ?? 'yellow'}` as MessageKey);
  return a.entityType ? t(entityTypeKey(a.entityType)) : t('notEntity');
}
