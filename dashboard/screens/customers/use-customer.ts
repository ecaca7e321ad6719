import { useEffect, useState } from 'preact/hooks';
import { type ActivityItem, type Customer, customersApi } from '../../api/customers';
import { organizationId } from '../../state/organization';

/** One customer and their activity. */
export function useCustomer(id: string) {
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [activity, setActivity] = useState<ActivityItem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const reloadActivity = () =>
    customersApi.activity(id).then(
      (answer) => setActivity(answer.data),
      (e) => setError(e),
    );
  useEffect(() => {
    setCustomer(null);
    customersApi.get(id).then(
      (value) => {
        setCustomer(value);
        setError(null);
        return reloadActivity();
      },
      (e) => setError(e),
    );
  }, [id, organizationId.value]);
  return { customer, setCustomer, activity, error, reloadActivity };
}
