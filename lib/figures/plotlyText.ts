/**
 * Text from data as plotly shows it, literally.
 *
 * plotly reads every text it draws (titles, tick labels, legend names, hover
 * and annotations) as a small subset of HTML: the tags `<br>`, `<b>`, `<i>`,
 * `<em>`, `<sup>`, `<sub>`, `<span style>`, `<a href>` and the entities
 * `&lt;`, `&gt;`, `&amp;`, `&#NN;` (plotly.js src/lib/svg_text_utils.js:
 * the text is split on `<...>` first, and only the pieces between tags have
 * their entities decoded). A group name, a figure letter or a codebook label
 * such as `<a href="...">` would become a live link; written with entities it
 * is drawn as the characters it holds.
 *
 * Builders apply `plotlyText` once, where a text from data (group names,
 * letters, codebook and study labels, the caller's title and axis labels)
 * enters the spec; the markup the builders add themselves (`<b>`, `<br>`)
 * goes around the escaped text.
 */

/** `<`, `>` and `&` as entities, so plotly draws the text as written (`<b>x</b>` stays `<b>x</b>`). */
export function plotlyText(s: string): string {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
