import {
  ApiOutlined,
  DingtalkOutlined,
  DiscordOutlined,
  NotificationOutlined,
  SendOutlined,
  SlackOutlined,
  ToolOutlined,
  WechatWorkOutlined,
} from '@ant-design/icons';

const ICONS: Record<string, typeof ApiOutlined> = {
  http: ApiOutlined,
  dingtalk: DingtalkOutlined,
  wecom: WechatWorkOutlined,
  feishu: SendOutlined,
  slack: SlackOutlined,
  discord: DiscordOutlined,
  jenkins: ToolOutlined,
};

/** The channel's icon beside its name; the icon itself is decoration. */
export function ChannelLabel({ channel, name }: { channel: string; name: string }) {
  const Icon = ICONS[channel] ?? NotificationOutlined;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Icon aria-hidden style={{ marginInlineEnd: 6 }} />
      {name}
    </span>
  );
}
