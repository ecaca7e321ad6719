import { hydrateIslands } from './hydrate';
import { RatingFlow } from './islands/rating-flow';

// Islands are registered by name, explicitly: nothing else on the page ships JavaScript.
hydrateIslands({ RatingFlow });
