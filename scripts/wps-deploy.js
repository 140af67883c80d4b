// The offline deployment files of the WPS add-in (dist/wps/), written by hand rather than by the wpsjs tool kit:
// `wpsjs build`/`publish` ask their questions interactively and pack the offline form with 7-Zip (docs/wps.md).
// The formats follow wpsjs's own output: publish.xml in the user's jsaddons folder names the add-in's folder
// `<name>_<version>` (offline, local), jsplugins.xml on an intranet server names the add-in's address (online).
'use strict';

const ADDON_NAME = 'final-accounts';

/** The folder name WPS expects under jsaddons for a local add-in. */
function addonFolder(version) {
  return `${ADDON_NAME}_${version}`;
}

function escapeXml(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The entry of the local (offline) add-in, for publish.xml in jsaddons. */
function publishEntry(version) {
  return `<jsplugin name="${ADDON_NAME}" type="et" url="${escapeXml(addonFolder(version))}" version="${escapeXml(version)}" enable="enable_dev" install="null" customDomain=""/>`;
}

function publishXml(version) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  ${publishEntry(version)}\n</jsplugins>\n`;
}

/** For an intranet server (no internet): WPS reads it from the address oem.ini's JSPluginsServer names. */
function jsPluginsXml(baseUrl) {
  const url = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jspluginonline name="${ADDON_NAME}" type="et" url="${escapeXml(url)}"/>\n</jsplugins>\n`;
}

/**
 * Installs for the current user on UOS / Kylin (WPS for Linux), offline: copies this folder into jsaddons and
 * adds our entry to publish.xml, keeping every other entry (a copy of the old file is kept beside it).
 */
function installSh(version) {
  const entry = publishEntry(version);
  return `#!/bin/sh
# 决算公开助手 WPS 加载项：离线安装（当前用户，UOS / 麒麟等 Linux 上的 WPS）。不需要联网。
set -e
HERE="$(cd "$(dirname "$0")" && pwd)"
DEST="\${HOME}/.local/share/Kingsoft/wps/jsaddons"
FOLDER="${addonFolder(version)}"
mkdir -p "$DEST/$FOLDER"
cp -R "$HERE"/. "$DEST/$FOLDER"/
PUBLISH="$DEST/publish.xml"
ENTRY='  ${entry}'
if [ -f "$PUBLISH" ]; then
  cp "$PUBLISH" "$PUBLISH.bak.$(date +%Y%m%d%H%M%S)"
  # Other add-ins' entries stay; an earlier entry of ours is replaced.
  grep -v 'name="${ADDON_NAME}"' "$PUBLISH" | awk -v entry="$ENTRY" '/<\\/jsplugins>/ { print entry } { print }' > "$PUBLISH.tmp"
  mv "$PUBLISH.tmp" "$PUBLISH"
else
  cp "$HERE/publish.xml" "$PUBLISH"
fi
echo "已安装到 $DEST/$FOLDER 。请重新启动 WPS 表格，功能区会出现“决算公开”选项卡。"
`;
}

function installNotes(version) {
  return `决算公开助手 WPS 加载项 ${version}：安装说明

本文件夹就是加载项本身（ribbon.xml、index.html、taskpane.html 和脚本、图标），不需要联网。

一、单台电脑（UOS、麒麟等 Linux 上的 WPS）
  在终端中运行：sh install.sh
  它把本文件夹复制到 ~/.local/share/Kingsoft/wps/jsaddons/${addonFolder(version)}，
  并在同一目录的 publish.xml 中加入本加载项（保留其中原有的其他加载项，旧文件另存为 publish.xml.bak.日期时间）。
  重新启动 WPS 表格后，功能区出现“决算公开”选项卡。

二、单台电脑（Windows 上的 WPS）
  把本文件夹复制为 %APPDATA%\\kingsoft\\wps\\jsaddons\\${addonFolder(version)}，
  再把 publish.xml 中的 <jsplugin …/> 一行加入该目录的 publish.xml（没有该文件就直接复制本文件夹中的 publish.xml）。

三、整个单位（内网服务器）
  把本文件夹放到内网 Web 服务器上（例如 http://内网服务器/final-accounts/），构建时设置 WPS_ADDIN_BASE_URL 为该地址，
  再在各台电脑 WPS 安装目录的 office6/cfgs/oem.ini 中设置：
    [Support]
    JsApiPlugin=true
    [Server]
    JSPluginsServer=http://内网服务器/final-accounts/jsplugins.xml

需要的 WPS 版本与注意事项见 README 的“WPS 加载项”一节。
`;
}

module.exports = { ADDON_NAME, addonFolder, publishXml, publishEntry, jsPluginsXml, installSh, installNotes };
