// Eleventy 3 building the benchmark corpus: each entry a page (through a minimal layout) plus
// an index page listing them, the same work bounceback's home and entry pages do.
module.exports = (eleventyConfig) => {
  // The corpora live in folders this repository's .gitignore names: Eleventy would skip them.
  eleventyConfig.setUseGitIgnore(false)
  eleventyConfig.addGlobalData('layout', 'entry.njk')
  eleventyConfig.addTemplate(
    '_includes/entry.njk',
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title></head><body><main><h1>{{ title }}</h1>{{ content ' +
      '| safe }}</main></body></html>'
  )
  eleventyConfig.addTemplate(
    'index.njk',
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Index</title></head><body><ol>{% for page in collections.all | ' +
      'reverse %}<li><a href="{{ page.url }}">{{ page.data.title }}</a> {{ page.date.toISOString().slice(0, 10) }}</li>{% endfor ' +
      '%}</ol></body></html>',
    {layout: false, eleventyExcludeFromCollections: true, permalink: '/index.html'}
  )
  return {dir: {includes: '_includes'}}
}
