// Prints {locale: [first names]} for the locales Tandem's lexicon takes from @faker-js/faker.
const dir = process.argv[2];
const locales = ['fr', 'fr_BE', 'fr_CH', 'fr_SN', 'en', 'es', 'it', 'pt_PT', 'pt_BR', 'de', 'nl', 'pl', 'ro',
  'yo_NG', 'en_NG', 'en_GH'];
const out = {};
for (const locale of locales) {
  const module = await import(`${dir}/dist/locale/${locale}.js`);
  const faker = Object.values(module).find((x) => x?.rawDefinitions);
  const first = faker.rawDefinitions.person.first_name;
  out[locale] = Array.isArray(first) ? first : Object.values(first).flat();
}
console.log(JSON.stringify(out));
