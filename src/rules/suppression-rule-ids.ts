// Ids of the rules the engine itself reports about suppression directives.
export const SUPPRESSION_WITHOUT_REASON = 'suppression-without-reason';
export const UNUSED_SUPPRESSION = 'unused-suppression';
