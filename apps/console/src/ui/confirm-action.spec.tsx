import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import '../i18n/i18n';
import { ApiError } from '../api/api-error';
import { ConfirmAction } from './confirm-action';

describe('confirmed action with a reason (e.g. reject a referral)', () => {
  it('asks for confirmation, will not confirm without a reason, and sends the reason given', async () => {
    const run = vi.fn().mockResolvedValue({ version: 3 });
    const onDone = vi.fn();
    render(<ConfirmAction label="退回" question="确认退回此移送？" reasonLabel="理由" danger run={run} onDone={onDone} />);
    fireEvent.click(screen.getByRole('button', { name: '退回' }));
    expect(screen.getByText('确认退回此移送？')).toBeTruthy();
    const confirm = screen.getByRole('button', { name: '确认' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    expect(screen.getByText('请填写理由')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('理由'), { target: { value: '  不属于本局管辖  ' } });
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);
    await waitFor(() => expect(onDone).toHaveBeenCalledWith({ version: 3 }));
    expect(run).toHaveBeenCalledWith('不属于本局管辖');
  });

  it("shows the server's reason when it refuses, and keeps the form open", async () => {
    const run = vi.fn().mockRejectedValue(new ApiError(409, '受移送机关不得再自行移送', { error: 'RETRANSFER_FORBIDDEN' }));
    render(<ConfirmAction label="转移送其他机关" question="确认？" run={run} />);
    fireEvent.click(screen.getByRole('button', { name: '转移送其他机关' }));
    fireEvent.click(screen.getByRole('button', { name: '确认' }));
    expect((await screen.findByRole('alert')).textContent).toBe('操作被拒绝: 受移送机关不得再自行移送');
    expect(screen.getByRole('button', { name: '确认' })).toBeTruthy();
  });
});
