import { useCallback, useEffect, useState } from 'preact/hooks';
import { type Card, type CardStats, cardsApi } from '../../api/cards';
import { organizationId } from '../../state/organization';

/** The cards of a business (or all) with their per-card and per-staff figures; `reload` asks again. */
export function useCards(businessId: string, active: string) {
  const [cards, setCards] = useState<Card[] | null>(null);
  const [perCard, setPerCard] = useState<CardStats['data']>([]);
  const [perStaff, setPerStaff] = useState<CardStats['data']>([]);
  const [error, setError] = useState<unknown>(null);
  const org = organizationId.value;

  const reload = useCallback(async () => {
    try {
      const business = businessId || undefined;
      const [list, byCard, byStaff] = await Promise.all([
        cardsApi.list({ businessId: business, active: active || undefined }),
        cardsApi.stats('card', business),
        cardsApi.stats('staff', business),
      ]);
      setCards(list.data);
      setPerCard(byCard.data);
      setPerStaff(byStaff.data);
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [businessId, active, org]);

  useEffect(() => {
    reload();
  }, [reload]);
  return { cards, perCard, perStaff, error, reload };
}
