import type { PlaceSettings, PlacesInput } from '../../api/connections';
import { Field } from '../../components/Field';
import type { PlatformInfo } from './platforms';

/** What the place fields hold while the owner types. */
export type PlaceValues = { places: string; searchQuery: string; searchLocation: string; language: string };

/** The fields filled from a connection's stored settings (empty when it has none). */
export const placeValues = (settings: PlaceSettings | undefined): PlaceValues => ({
  places: settings?.places.join(', ') ?? '',
  searchQuery: settings?.searchQuery ?? '',
  searchLocation: settings?.searchLocation ?? '',
  language: settings?.language ?? '',
});

/**
 * The body for the API: the places split, and the search fields this platform has. An empty field is
 * left out when connecting (`clear` false) and sent as null when editing, which clears it.
 */
export function placeInput(values: PlaceValues, info: PlatformInfo, clear: boolean): PlacesInput {
  const body: PlacesInput = {};
  const places = values.places.split(/[\s,]+/).filter(Boolean);
  if (places.length > 0 || clear) body.places = places;
  const put = (key: 'searchQuery' | 'searchLocation' | 'language', value: string) => {
    const text = value.trim();
    if (text) body[key] = text;
    else if (clear) body[key] = null;
  };
  if (info.search === 'name') {
    put('searchQuery', values.searchQuery);
    put('searchLocation', values.searchLocation);
  }
  if (info.search === 'language') put('language', values.language);
  return body;
}

type Props = {
  info: PlatformInfo;
  values: PlaceValues;
  onValues: (values: PlaceValues) => void;
  /** Prefix of the field ids, so several forms can be on one screen. */
  idPrefix: string;
};

/** The places a connection watches, and the platform's optional search (Yelp) or review language (Tripadvisor). */
export function PlaceFields({ info, values, onValues, idPrefix }: Props) {
  const set = (key: keyof PlaceValues) => (value: string) => onValues({ ...values, [key]: value });
  return (
    <>
      <Field
        id={`${idPrefix}-places`}
        label={info.placesLabel ?? 'Your places'}
        name="places"
        required={!(info.search === 'name' && values.searchQuery.trim())}
        maxLength={2000}
        hint={info.placesHelp}
        value={values.places}
        onValue={set('places')}
      />
      {info.search === 'name' && (
        <>
          <Field
            id={`${idPrefix}-searchQuery`}
            label="Search Yelp for (optional)"
            name="searchQuery"
            maxLength={200}
            hint="A business name: Locations then lists what Yelp finds, to pick yours from."
            value={values.searchQuery}
            onValue={set('searchQuery')}
          />
          <Field
            id={`${idPrefix}-searchLocation`}
            label="Near (optional)"
            name="searchLocation"
            maxLength={200}
            required={Boolean(values.searchQuery.trim())}
            hint="Where to search, e.g. Austin, TX (needed with a search)."
            value={values.searchLocation}
            onValue={set('searchLocation')}
          />
        </>
      )}
      {info.search === 'language' && (
        <Field
          id={`${idPrefix}-language`}
          label="Review language (optional)"
          name="language"
          maxLength={5}
          pattern="[a-z]{2}(_[A-Z]{2})?"
          hint="The language of the reviews to read, e.g. en, fr or pt_BR (English when empty)."
          value={values.language}
          onValue={set('language')}
        />
      )}
    </>
  );
}
