// Moves between pages of the board, so years of open tickets never load at once.
import { Button, Group, NativeSelect, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const PAGE_SIZES = [10, 25, 50, 100] as const;

interface Props {
  page: number;
  pageSize: number;
  total: number;
  onPage(page: number): void;
  onPageSize(size: number): void;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export function BoardPager({ page, pageSize, total, onPage, onPageSize }: Props) {
  const { t } = useTranslation();
  const pages = pageCount(total, pageSize);
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <Group component="nav" aria-label={t('board.pagination')} justify="space-between" gap="sm">
      <Text size="sm" c="dimmed">
        {t('board.range', { from, to, total })}
      </Text>
      <Group gap="xs">
        <NativeSelect
          aria-label={t('board.pageSize')}
          size="xs"
          value={String(pageSize)}
          onChange={(event) => onPageSize(Number(event.currentTarget.value))}
          data={PAGE_SIZES.map((size) => String(size))}
        />
        <Button size="xs" variant="default" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          {t('board.previous')}
        </Button>
        <Text size="sm" role="status" aria-live="polite">
          {t('board.page', { page, pages })}
        </Text>
        <Button size="xs" variant="default" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          {t('board.next')}
        </Button>
      </Group>
    </Group>
  );
}
