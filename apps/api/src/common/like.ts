/** Escapes LIKE's wildcards (`%`, `_`) and its escape character, for `like ? escape '\'`. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (match) => `\\${match}`);

/** A pattern matching the text anywhere, for `like ? escape '\'`. */
export const containsPattern = (text: string) => `%${escapeLike(text)}%`;
