/**
 * Pages flattened without line breaks glue a label to the word before it ("OutsideRate: £450",
 * "YeovilDuration: 6 months", "GBPCompetitive Bonus"): a space goes where a lower-case letter meets an
 * upper-case one, or an upper-case run meets a capitalised word. Words that are camel-cased by nature
 * ("JavaScript") only gain a space, which no parser reads as meaning.
 */
export function separateGluedWords(text: string): string {
  return text.replace(/(\p{Ll})(?=\p{Lu})|(\p{Lu})(?=\p{Lu}\p{Ll}{2})/gu, '$1$2 ');
}
