/** The i18n key of an action's label (`audit.actions.<action>`, dots as underscores). */
export const actionLabelKey = (action: string) => `audit.actions.${action.replace(/\./g, '_')}`;
