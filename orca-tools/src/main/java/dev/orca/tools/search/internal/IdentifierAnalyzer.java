package dev.orca.tools.search.internal;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;

/**
 * Analysis for tool names, server names and descriptions: splits on whitespace, punctuation,
 * camelCase, snake_case, kebab-case and letter/digit changes; lower-cases; drops English stop
 * words; stems (Porter). With {@code keepWhole} the whole identifier is kept as well, lower-cased
 * ({@code createPullRequest} → {@code createpullrequest}, {@code create}, {@code pull}, {@code
 * request}), so an exact name query matches it strongly.
 */
public final class IdentifierAnalyzer extends Analyzer {

  private static final CharArraySet STOP = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

  private final boolean keepWhole;
  private final boolean indexTime;

  /**
   * Creates the analyzer.
   *
   * @param keepWhole whether to keep each whole token besides its parts (for names)
   * @param indexTime whether it analyzes documents (flattens the token graph) or queries
   */
  public IdentifierAnalyzer(boolean keepWhole, boolean indexTime) {
    this.keepWhole = keepWhole;
    this.indexTime = indexTime;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new WhitespaceTokenizer();
    int flags =
        WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
            | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
            | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS
            | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;
    if (keepWhole) {
      flags |= WordDelimiterGraphFilter.PRESERVE_ORIGINAL | WordDelimiterGraphFilter.CATENATE_ALL;
    }
    TokenStream stream = new WordDelimiterGraphFilter(source, flags, null);
    if (indexTime) {
      stream = new FlattenGraphFilter(stream);
    }
    stream = new LowerCaseFilter(stream);
    stream = new StopFilter(stream, STOP);
    stream = new PorterStemFilter(stream);
    return new TokenStreamComponents(source, stream);
  }
}
