import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { actInOrganization } from '../../dashboard/api';
import { qrLink, sheetLink } from '../../dashboard/api/cards';
import { NfcWriter } from '../../dashboard/screens/cards/NfcWriter';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  Reflect.deleteProperty(window, 'NDEFReader');
  actInOrganization(null);
});

const URL_OF_CARD = 'https://reviews.example.com/t/aB3dE5gH7jK9';

describe('programming an NFC tag', () => {
  it('offers no button where the browser has no Web NFC, only the steps for a writer app', () => {
    render(<NfcWriter url={URL_OF_CARD} />);
    expect(screen.queryByRole('button', { name: 'Write to tag' })).toBeNull();
    expect(screen.getByTestId('nfc-unsupported').textContent).toContain('NFC writer app');
    expect(screen.getByText(/Lock the tag/)).toBeTruthy();
  });

  it('writes the card URL as one NDEF URL record where NDEFReader exists', async () => {
    const write = vi.fn(async () => undefined);
    Object.defineProperty(window, 'NDEFReader', {
      configurable: true,
      value: class {
        write = write;
      },
    });
    render(<NfcWriter url={URL_OF_CARD} />);
    fireEvent.click(screen.getByRole('button', { name: 'Write to tag' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Written'));
    expect(write).toHaveBeenCalledWith({ records: [{ recordType: 'url', data: URL_OF_CARD }] });
    expect(screen.queryByTestId('nfc-unsupported')).toBeNull();
  });

  it('says why when the tag cannot be written', async () => {
    Object.defineProperty(window, 'NDEFReader', {
      configurable: true,
      value: class {
        write = async () => {
          throw new Error('NFC permission denied');
        };
      },
    });
    render(<NfcWriter url={URL_OF_CARD} />);
    fireEvent.click(screen.getByRole('button', { name: 'Write to tag' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('NFC permission denied'));
  });
});

describe('links the browser follows by itself', () => {
  it('name the acting organization in the query, since a link cannot send its header', () => {
    expect(sheetLink({ ids: ['card_a', 'card_b'], columns: 2 })).toBe(
      '/api/v1/cards/sheet?ids=card_a%2Ccard_b&columns=2',
    );
    actInOrganization('org_2');
    expect(sheetLink({ businessId: 'biz_1' })).toBe(
      '/api/v1/cards/sheet?businessId=biz_1&organization=org_2',
    );
    expect(qrLink('card_a', 'png')).toBe(
      '/api/v1/cards/card_a/qr.png?size=1024&download=true&organization=org_2',
    );
  });
});
