import { Typography } from 'antd';
import { useId } from 'react';

/** A secret shown once, with its label and a copy button. */
export function OnceSecret({ label, value }: { label: string; value: string }) {
  const id = useId();
  return (
    <div style={{ margin: '12px 0' }}>
      <Typography.Text strong id={id}>
        {label}
      </Typography.Text>
      <Typography.Paragraph copyable={{ text: value }} code aria-labelledby={id} style={{ wordBreak: 'break-all', marginBottom: 0 }}>
        {value}
      </Typography.Paragraph>
    </div>
  );
}
