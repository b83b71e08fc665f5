/** Values a message template interpolates. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** One catalogue entry: the same message in every supported language. */
export interface MessageTemplate {
  readonly zh: (params: MessageParams) => string;
  readonly en: (params: MessageParams) => string;
}

/** A section of the catalogue, owned by one layer (graph, rules, evidence, engine, ...). */
export type MessageSection = Readonly<Record<string, MessageTemplate>>;
