// `http://www.youtube.com/v/VIDEO_ID&hl=ko&fs=1` (or `?version=3`): YouTube's old Flash player address.
const YOUTUBE_FLASH = /^(?:https?:)?\/\/(?:www\.)?youtube(?:-nocookie)?\.com\/v\/([\w-]{11})(?![\w-])/i;

/**
 * The address a reader can open for what a Flash player played. YouTube's player URL becomes the video's
 * watch page, which still works; other players (Daum's `flvPlayer.swf?vid=…`) are kept as written, the
 * only trace left of their video.
 */
export function flashPlayerUrl(source: string): string {
  const url = source.trim();
  const youtube = YOUTUBE_FLASH.exec(url);
  return youtube ? `https://www.youtube.com/watch?v=${youtube[1]}` : url;
}
