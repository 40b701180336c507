// Facets on the fixture archive plus the facet articles of global-setup.ts (FACET_ARTICLES): a ticked name narrows
// the results, every group counts the current result set, one row per name.
import type { Page } from '@playwright/test';
import { apiCall, expect, rows, screenshot, search, test } from './support.js';

const HYDROGEN_ALGERIA = 'مشروع هيدروجين أخضر في الصحراء';
const HYDROGEN_TUNIS = 'وفد في زيارة رسمية';

const group = (app: Page, type: string) => app.locator(`nav.facets fieldset[data-group="${type}"]`);
const row = (app: Page, type: string, name: string) =>
  group(app, type).locator('label').filter({ has: app.getByText(name, { exact: true }) });

test('a ticked name narrows the results of a search, and its group counts the results', async ({ app }) => {
  await search(app, 'الهيدروجين');
  await expect(rows(app)).toHaveCount(2);
  // The places group counts the two results, not the archive (الجزائر is named in three articles, تونس in more).
  await expect(row(app, 'LOCATION', 'الجزائر').locator('.count')).toHaveText('٢');
  await expect(row(app, 'LOCATION', 'تونس').locator('.count')).toHaveText('١');
  await expect(row(app, 'LOCATION', 'المغرب')).toHaveCount(0);

  await row(app, 'LOCATION', 'تونس').locator('input').check();
  await expect(rows(app)).toHaveCount(1);
  await expect(rows(app).first()).toContainText(HYDROGEN_TUNIS);
  await expect(rows(app).locator('.badge.partial')).toHaveCount(0);
  await expect(rows(app).first().locator('mark').first()).toBeVisible();
  await screenshot(app, 'results-name-ticked-ar-light');

  // Two places: either will do.
  await row(app, 'LOCATION', 'الجزائر').locator('input').check();
  await expect(rows(app)).toHaveCount(2);
  await expect(app.getByRole('listbox')).toContainText(HYDROGEN_ALGERIA);

  // A query with no result leaves no name to tick.
  await app.locator('#search-input').fill('');
  await app.getByRole('button', { name: 'إزالة التصفية' }).click();
  await search(app, 'زرافةطائرة');
  await expect(rows(app)).toHaveCount(0);
  await expect(app.locator('nav.facets fieldset')).toHaveCount(0);
});

test('people, places and organisations are separate groups, one row per name, with more on request', async ({ app }) => {
  const library = await apiCall<{ total: number; facets: { names: { type: string; text: string; count: number }[] } }>('listArticles', { limit: 1 });
  await expect(rows(app)).toHaveCount(library.total);
  for (const type of ['PERSON', 'LOCATION', 'ORGANIZATION']) await expect(group(app, type)).toHaveCount(1);
  await expect(group(app, 'PERSON').locator('legend')).toHaveText('أشخاص');
  await expect(group(app, 'LOCATION').locator('legend')).toHaveText('أماكن');
  await expect(group(app, 'ORGANIZATION').locator('legend')).toHaveText('منظمات');

  // للأمم المتحدة is the same name as الأمم المتحدة: one row, counting both articles.
  await expect(row(app, 'ORGANIZATION', 'الأمم المتحدة').locator('.count')).toHaveText('٢');
  await expect(row(app, 'ORGANIZATION', 'للأمم المتحدة')).toHaveCount(0);

  // A long group shows its first rows, the rest on request, and a box to find a name in it.
  const places = library.facets.names.filter((n) => n.type === 'LOCATION');
  expect(places.length, 'the fixture archive names more than 12 places').toBeGreaterThan(12);
  const labels = group(app, 'LOCATION').locator('label');
  await expect(labels).toHaveCount(8);
  await group(app, 'LOCATION').locator('button.more').click();
  await expect(labels).toHaveCount(Math.min(places.length, 38));
  const rare = places[places.length - 1];
  await group(app, 'LOCATION').locator('input[type="search"]').fill(rare.text);
  await expect(labels.filter({ has: app.getByText(rare.text, { exact: true }) })).toHaveCount(1);
  await screenshot(app, 'library-name-groups-ar-light');
});
