package vn.dvk.documents;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What a file really is, judged by its bytes and never by its name: uploads are checked with this before anything
 * parses them.
 */
public enum FileContent {

	XLSX, LEGACY_XLS, ZIP, PDF, PNG, JPEG, WEBP, UTF8_TEXT, OTHER_TEXT, BINARY, EMPTY;

	public static FileContent detect(byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			return EMPTY;
		}
		if (startsWith(bytes, 0x50, 0x4B, 0x03, 0x04)) {
			return isXlsx(bytes) ? XLSX : ZIP;
		}
		if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
			return LEGACY_XLS;
		}
		if (startsWith(bytes, '%', 'P', 'D', 'F', '-')) {
			return PDF;
		}
		if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return PNG;
		}
		if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
			return JPEG;
		}
		if (bytes.length >= 12 && startsWith(bytes, 'R', 'I', 'F', 'F') && bytes[8] == 'W' && bytes[9] == 'E'
				&& bytes[10] == 'B' && bytes[11] == 'P') {
			return WEBP;
		}
		for (byte b : bytes) {
			if (b == 0) {
				return BINARY;
			}
		}
		return isUtf8(bytes) ? UTF8_TEXT : OTHER_TEXT;
	}

	private static boolean isUtf8(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	/**
	 * A zip is a workbook when it holds the two parts every XLSX has. Entry names are stored uncompressed (in the
	 * local headers and the central directory), so they can be found without unzipping, whatever the writer did
	 * with data descriptors.
	 */
	private static boolean isXlsx(byte[] bytes) {
		return contains(bytes, "[Content_Types].xml".getBytes(StandardCharsets.US_ASCII))
				&& contains(bytes, "xl/workbook.xml".getBytes(StandardCharsets.US_ASCII));
	}

	private static boolean contains(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
