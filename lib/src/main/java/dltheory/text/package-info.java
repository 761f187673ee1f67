/**
 * Text as a reader sees it, for tables, check lines and charts alike: Unicode sub- and superscripts
 * ({@link dltheory.text.Scripts}, {@link dltheory.text.Notation} for TeX-like notation), numbers to
 * significant digits with one scientific notation, 1.234×10⁻⁷ ({@link
 * dltheory.text.SignificantFormat}), and Java names spelled out in words ({@link
 * dltheory.text.Words}).
 */
package dltheory.text;
