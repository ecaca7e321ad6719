import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { type CustomerFilter, customersUrl } from './use-customers';

/** Search, tag and opt-out filters; every change becomes the URL. */
export function CustomerFilters({ filter }: { filter: CustomerFilter }) {
  const { route } = useLocation();
  const [search, setSearch] = useState(filter.search ?? '');
  const [tags, setTags] = useState(filter.tags ?? '');
  useEffect(() => {
    setSearch(filter.search ?? '');
    setTags(filter.tags ?? '');
  }, [filter.search, filter.tags]);
  return (
    <form
      class="filters customer-filters"
      aria-label="Find customers"
      onSubmit={(event) => {
        event.preventDefault();
        route(customersUrl({ ...filter, search: search.trim(), tags: tags.trim(), page: undefined }));
      }}
    >
      <label>
        <span>Search</span>
        <input
          type="search"
          name="search"
          placeholder="Name, email or phone"
          value={search}
          onInput={(e) => setSearch(e.currentTarget.value)}
        />
      </label>
      <label>
        <span>Tags</span>
        <input
          name="tags"
          placeholder="vip, regular"
          value={tags}
          onInput={(e) => setTags(e.currentTarget.value)}
        />
      </label>
      <label>
        <span>Messages</span>
        <select
          value={filter.optOut ?? ''}
          onChange={(e) => route(customersUrl({ ...filter, optOut: e.currentTarget.value, page: undefined }))}
        >
          <option value="">Everyone</option>
          <option value="false">Receiving messages</option>
          <option value="true">Opted out</option>
        </select>
      </label>
      <div class="actions">
        <button type="submit">Search</button>
        {Object.keys(filter).length > 0 && (
          <a class="button ghost" href="/dashboard/customers">
            Clear
          </a>
        )}
      </div>
    </form>
  );
}
