import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Pager } from '../../dashboard/components/Pager';

afterEach(cleanup);

describe('the pager of the requests and message lists', () => {
  it('is absent on a single page', () => {
    const { container } = render(<Pager page={1} totalPages={1} onPage={() => {}} />);
    expect(container.innerHTML).toBe('');
  });

  it('moves a page at a time and disables the ends', () => {
    const onPage = vi.fn();
    const { rerender } = render(<Pager page={1} totalPages={3} onPage={onPage} />);
    expect(screen.getByText('Page 1 of 3')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Newer' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Older' }));
    expect(onPage).toHaveBeenLastCalledWith(2);
    rerender(<Pager page={3} totalPages={3} onPage={onPage} />);
    expect((screen.getByRole('button', { name: 'Older' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Newer' }));
    expect(onPage).toHaveBeenLastCalledWith(2);
  });
});
