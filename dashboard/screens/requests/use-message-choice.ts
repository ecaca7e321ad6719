import { useEffect, useState } from 'preact/hooks';
import { requestsApi, type Template } from '../../api/requests';
import { businesses, businessId as pickedBusiness } from '../../state/business';
import type { Method } from './MessageChoice';

/** The business, channel and template a send form uses, with the organization's templates to pick from. */
export function useMessageChoice() {
  const [businessId, setBusinessId] = useState(pickedBusiness.value || businesses.value[0]?.id || '');
  const [method, setMethod] = useState<Method>('sms');
  const [templateId, setTemplateId] = useState('');
  const [templates, setTemplates] = useState<Template[]>([]);
  useEffect(() => {
    requestsApi.templates().then(
      (page) => setTemplates(page.data),
      () => setTemplates([]),
    );
  }, []);
  // The business list arrives after the first render on a fresh load.
  useEffect(() => {
    if (!businessId && businesses.value[0]) setBusinessId(businesses.value[0].id);
  }, [businesses.value]);
  return {
    businessId,
    method,
    templateId,
    templates,
    onBusiness: setBusinessId,
    onMethod: (m: Method) => {
      setMethod(m);
      setTemplateId('');
    },
    onTemplate: setTemplateId,
  };
}
